import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import type { EvalContext } from './eval-context';
import { edeName } from './secure-lookup';
import type { DnssecObservation, ObservedEde } from './secure-observation';
import { chose } from '../model/security-choices';

/**
 * dnssec.domain and dnssec.mail-host: is the zone signed, and does the chain of trust validate
 * from the resolver's trust anchor. Judged from a validating resolver's answers with validation
 * on (AD flag, SERVFAIL and its Extended DNS Error) and with checking disabled (does the data
 * exist, is it signed, DNSKEY and DS).
 */

/** The DNSSEC state of a name, with the reason in plain words. */
export type DnssecState =
  | { state: 'secure'; reason: string }
  | { state: 'insecure'; reason: string; signedWithoutDs?: boolean }
  /** `cause` when the resolver named one that changes the fix: signatures out of their validity dates. */
  | { state: 'bogus'; reason: string; cause?: 'expired' | 'not-yet-valid' }
  | { state: 'unknown'; reason: string };

const ALGORITHMS: Record<number, string> = {
  5: 'RSASHA1',
  7: 'RSASHA1-NSEC3-SHA1',
  8: 'RSASHA256',
  10: 'RSASHA512',
  13: 'ECDSAP256SHA256',
  14: 'ECDSAP384SHA384',
  15: 'ED25519',
  16: 'ED448',
};

/** A DNSSEC algorithm number with its name, e.g. "13 (ECDSAP256SHA256)". */
export function algorithmWords(n: number): string {
  return ALGORITHMS[n] ? `${n} (${ALGORITHMS[n]})` : String(n);
}

function edeWords(ede: readonly ObservedEde[] | undefined): string {
  if (!ede?.length) return '';
  return ede.map((e) => (e.text ? `${edeName(e.code)}: ${e.text}` : edeName(e.code))).join('; ');
}

const CONCLUSIVE = new Set(['answer', 'nodata', 'nxdomain']);

/**
 * Whether a bogus answer is down to the signatures' dates: the resolver says so (EDE 7 / 8, RFC
 * 8914), or, when it does not (a cached bogus answer carries only EDE 6), the dates of the
 * signatures fetched with checking disabled lie outside the moment of asking.
 */
function dateCause(obs: DnssecObservation): 'expired' | 'not-yet-valid' | undefined {
  const ede = obs.validated?.ede ?? [];
  if (ede.some((e) => e.code === 7)) return 'expired';
  if (ede.some((e) => e.code === 8)) return 'not-yet-valid';
  const u = obs.unchecked;
  if (!obs.askedAt || !u) return undefined;
  if (u.validUntil && u.validUntil < obs.askedAt) return 'expired';
  if (u.validFrom && u.validFrom > obs.askedAt) return 'not-yet-valid';
  return undefined;
}

/** Classify what the resolver said into secure / insecure / bogus / unknown, with the reason. */
export function dnssecState(obs: DnssecObservation): DnssecState {
  if (obs.skipped) return { state: 'unknown', reason: obs.skipped };
  const v = obs.validated;
  const u = obs.unchecked;
  const zone = obs.zone ?? obs.name;
  if (!v) return { state: 'unknown', reason: 'the resolver was not asked' };
  if (v.outcome === 'servfail') {
    if (u && CONCLUSIVE.has(u.outcome)) {
      const why = edeWords(v.ede);
      const dsAlgs = obs.ds?.algorithms ?? [];
      const keyAlgs = obs.dnskey?.algorithms ?? [];
      const hint =
        why ||
        (dsAlgs.length && keyAlgs.length && !dsAlgs.some((a) => keyAlgs.includes(a))
          ? `the DS record at the parent names algorithm ${dsAlgs.map(algorithmWords).join(', ')}, the zone's keys use ${keyAlgs.map(algorithmWords).join(', ')}`
          : 'the signatures do not validate (an expired signature, or a DS record at the parent that matches no key of the zone)');
      const cause = dateCause(obs);
      if (cause)
        return {
          state: 'bogus',
          cause,
          reason: `the resolver refused the answer for ${obs.name} because ${zone}'s DNSSEC signatures ${cause === 'expired' ? `expired${u.validUntil ? ` on ${u.validUntil.slice(0, 10)}` : ''}` : `are not valid yet${u.validFrom ? ` (valid from ${u.validFrom.slice(0, 16).replace('T', ' ')} UTC)` : ''}`}${why ? ` (${why})` : ''}`,
        };
      return {
        state: 'bogus',
        reason: `the resolver refused the answer for ${obs.name} because its DNSSEC does not validate: ${hint}`,
      };
    }
    return {
      state: 'unknown',
      reason: `the resolver ${obs.resolver} answered SERVFAIL for ${obs.name}, also with checking disabled, so this is not a DNSSEC problem but the name's servers failing`,
    };
  }
  if (!CONCLUSIVE.has(v.outcome))
    return {
      state: 'unknown',
      reason: `the resolver ${obs.resolver} gave ${v.outcome === 'timeout' ? 'no answer in time' : (v.error ?? v.outcome)} for ${obs.name}`,
    };
  if (v.authenticated)
    return {
      state: 'secure',
      reason: `${zone} is signed${obs.dnskey?.algorithms.length ? ` (algorithm ${[...new Set(obs.dnskey.algorithms)].map(algorithmWords).join(', ')})` : ''} and the chain of trust validates`,
    };
  const hasKeys = (obs.dnskey?.algorithms.length ?? 0) > 0;
  const hasDs = (obs.ds?.algorithms.length ?? 0) > 0;
  if (hasKeys && hasDs)
    return {
      state: 'unknown',
      reason: `${zone} is signed and its parent has a DS record, but the resolver ${obs.resolver} did not say it validated the answer: it may not check DNSSEC`,
    };
  if (hasKeys)
    return {
      state: 'insecure',
      signedWithoutDs: true,
      reason: `${zone} is signed, but the parent zone has no DS record for it, so nobody can check the signatures (the DS step at the registrar is missing)`,
    };
  return { state: 'insecure', reason: `${zone} is not signed with DNSSEC` };
}

const TITLES = {
  'dnssec.domain': { what: 'The domain' },
  'dnssec.mail-host': { what: 'The mail host' },
} as const;

/**
 * One DNSSEC finding. Not signed is `info` (DNSSEC is optional) unless the plan chose DANE, which
 * needs it (then `warn`); a chain that does not validate is `fail` whatever was chosen: validating
 * resolvers then refuse every answer for the name, mail included.
 */
export function evaluateDnssec(
  check: 'dnssec.domain' | 'dnssec.mail-host',
  obs: DnssecObservation,
  ctx: EvalContext,
): Finding {
  const s = dnssecState(obs);
  const evidence = { observation: obs as unknown as Record<string, unknown> };
  const what = TITLES[check].what;
  const needed = chose(ctx.plan.security, 'dane');
  const host = ctx.dnsHostName ? ` (${ctx.dnsHostName})` : '';
  switch (s.state) {
    case 'unknown':
      return unknownFinding(check, obs.name, s.reason, evidence);
    case 'secure':
      return makeFinding(check, obs.name, 'pass', {
        title: `${what} is protected by DNSSEC`,
        detail: `DNSSEC signs your DNS answers so nobody can forge them on the way. ${capital(s.reason)}.`,
        evidence,
      });
    case 'bogus':
      return makeFinding(check, obs.name, 'fail', {
        title: `${what}'s DNSSEC is broken`,
        detail: `${capital(s.reason)}. Resolvers that check DNSSEC (most large ones do, including Google's and Cloudflare's) treat every answer for ${obs.name} as forged and give none: mail to and from it fails.`,
        fix: s.cause
          ? `The signatures in ${obs.zone ?? obs.name} must be renewed: whoever signs the zone has to re-sign it (DNS hosts that sign do it on their own; if yours${host} stopped, switch DNSSEC off and on there, or ask its support). If you sign the zone yourself, re-sign it now and make re-signing automatic${s.cause === 'not-yet-valid' ? ", and check the signing machine's clock" : ''}. Then check again.`
          : `At your DNS host${host}, look at the DNSSEC settings: if it signs the zone, copy its current DS record and make sure your registrar has exactly that one (delete old ones). If you turned DNSSEC off at the DNS host, delete the DS record at the registrar. Then check again (changes at the registrar take up to a day).`,
        evidence,
      });
    case 'insecure': {
      const title = s.signedWithoutDs
        ? `${what} is signed, but DNSSEC is not switched on at the registrar`
        : `${what} does not use DNSSEC`;
      const gives =
        'DNSSEC (DNS Security Extensions) signs your DNS answers so nobody can forge them on the way; DANE needs it.';
      const fix = s.signedWithoutDs
        ? `Copy the DS record your DNS host${host} shows for ${obs.zone ?? obs.name} and add it at your registrar (the company where you bought the domain).`
        : `Turn on DNSSEC at your DNS host${host} (see the Secure delivery step for where), then add the DS record it shows at your registrar.`;
      return makeFinding(check, obs.name, needed ? 'warn' : 'info', {
        title: needed ? title : `${title} (optional)`,
        detail: needed
          ? `${capital(s.reason)}. You chose DANE, which only works under DNSSEC: until it is on, other servers ignore your TLSA record.`
          : `${capital(s.reason)}. ${gives} This is optional hardening: mail works without it.${s.signedWithoutDs ? ` To finish: ${fix}` : ''}`,
        fix,
        evidence,
      });
    }
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
