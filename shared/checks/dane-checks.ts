import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import type { DnssecState } from './dnssec-checks';
import { conclusive, lookupTrouble, recordsOfType, validatedEvidence } from './secure-lookup';
import type { CertificateHashes, DaneObservation, SecureRecord } from './secure-observation';
import { chose, securityChoices } from '../model/security-choices';
import { keyHashCommand, tlsaValue } from '../records/secure-records';

/**
 * dane.tlsa (RFC 7672): TLSA records at _25._tcp.<mail host> count only under DNSSEC, and then
 * one usable record (DANE-TA 2 or DANE-EE 3) must match what the server showed after STARTTLS.
 * Under DNSSEC a mismatch is `fail`: DANE senders refuse to deliver. Without DNSSEC they are
 * ignored (`warn` when published: useless as it stands). Not published and not chosen: `info`.
 */

type Tlsa = Extract<SecureRecord, { type: 'TLSA' }>;

function hashFor(h: CertificateHashes, selector: number, matchingType: number): string | undefined {
  const part = selector === 0 ? h.cert : selector === 1 ? h.spki : undefined;
  if (!part) return undefined;
  return matchingType === 1 ? part.sha256 : matchingType === 2 ? part.sha512 : undefined;
}

/** Whether one TLSA record matches the chain the server showed (leaf first). */
export function tlsaMatches(r: Tlsa, chain: readonly CertificateHashes[]): boolean {
  const data = r.data.toLowerCase();
  // DANE-EE (3) names the server's own certificate or key; DANE-TA (2) a CA in its chain.
  const candidates = r.usage === 3 ? chain.slice(0, 1) : r.usage === 2 ? chain.slice(1) : [];
  return candidates.some((h) => hashFor(h, r.selector, r.matchingType) === data);
}

function show(r: Tlsa): string {
  return `${r.usage} ${r.selector} ${r.matchingType} ${r.data.slice(0, 16)}…`;
}

/** dane.tlsa for the mail host. `hostDnssec` and `domainDnssec` are the DNSSEC states judged for them. */
export function evaluateDaneTlsa(
  obs: DaneObservation,
  hostDnssec: DnssecState,
  domainDnssec: DnssecState,
  ctx: EvalContext,
): Finding {
  const name = obs.tlsa.name;
  const wanted = chose(ctx.plan.security, 'dane');
  const seenKey = obs.smtp.ok ? obs.smtp.hashes[0]?.spki.sha256 : undefined;
  const evidence: Record<string, unknown> = {
    lookup: validatedEvidence(obs.tlsa),
    smtp: obs.smtp,
    ...(seenKey ? { spkiSha256: seenKey } : {}),
  };
  const planned = securityChoices(ctx.plan.security).dane?.keyHashes ?? [];
  const value = seenKey ? tlsaValue(seenKey) : planned[0] ? tlsaValue(planned[0]) : undefined;
  const create = value
    ? `Create a TLSA record ${atDnsHost(ctx)}: Name "${nameField(name, ctx)}", Type TLSA, Value ${value} (usage 3, selector 1, matching type 1, then the hash).`
    : `Create a TLSA record ${atDnsHost(ctx)}: Name "${nameField(name, ctx)}", Type TLSA, Value 3 1 1 followed by the hash the server prints for: ${keyHashCommand(ctx.plan.mailHost)}`;
  if (!conclusive(obs.tlsa)) {
    if (hostDnssec.state === 'bogus')
      return unknownFinding(
        'dane.tlsa',
        name,
        `the mail host's DNSSEC is broken (see dnssec.mail-host), so its TLSA records cannot be read`,
        evidence,
        'Fix DNSSEC first (see dnssec.mail-host), then check again.',
      );
    return unknownFinding('dane.tlsa', name, lookupTrouble(obs.tlsa), evidence);
  }
  const records = recordsOfType(obs.tlsa, 'TLSA');
  const secure = hostDnssec.state === 'secure' && obs.tlsa.authenticated;
  if (records.length === 0) {
    if (!wanted)
      return makeFinding('dane.tlsa', name, 'info', {
        title: 'DANE is not set up (optional)',
        detail:
          hostDnssec.state === 'secure'
            ? "DANE (DNS-based Authentication of Named Entities) publishes your mail server's key in DNS, so other servers that check it only accept an encrypted connection to that key. Your zone is signed with DNSSEC, so you could add it; it is optional."
            : "DANE (DNS-based Authentication of Named Entities) publishes your mail server's key in DNS. It needs DNSSEC, which this zone does not have, so a TLSA record would be ignored. Nothing to do: it is optional.",
        evidence,
      });
    return makeFinding('dane.tlsa', name, 'warn', {
      title: 'The TLSA record is not published yet',
      detail: `You chose DANE, but there is no TLSA record at ${name}.${hostDnssec.state === 'secure' ? '' : ' It also needs DNSSEC, which this zone does not have yet (see dnssec.mail-host).'}`,
      fix: create,
      evidence,
    });
  }
  const listed = records.map(show).join(', ');
  if (!secure) {
    return makeFinding('dane.tlsa', name, 'warn', {
      title: 'The TLSA record is ignored: the zone is not signed',
      detail: `${name} has TLSA records (${listed}), but ${hostDnssec.state === 'insecure' ? hostDnssec.reason : 'the answer was not validated with DNSSEC'}. Senders use TLSA records only when DNSSEC proves them, so these change nothing.`,
      fix: 'Turn on DNSSEC for the zone (see dnssec.mail-host), or delete the TLSA records if you do not want DANE.',
      evidence,
    });
  }
  if (domainDnssec.state !== 'secure' && domainDnssec.state !== 'unknown' && wanted)
    evidence.domainDnssec = domainDnssec;
  if (!obs.smtp.ok) {
    if (obs.smtp.noStarttls)
      return makeFinding('dane.tlsa', name, 'fail', {
        title: 'DANE is published but the server offers no encryption',
        detail: `${name} has TLSA records under DNSSEC, but the mail server does not offer STARTTLS. Servers that check DANE refuse to deliver without it.`,
        fix: 'Turn on STARTTLS in your mail server (see smtp.starttls), or delete the TLSA records.',
        evidence,
      });
    return unknownFinding(
      'dane.tlsa',
      name,
      `the TLSA records (${listed}) could not be compared with the server's certificate: ${obs.smtp.reason}`,
      evidence,
    );
  }
  const usable = records.filter((r) => r.usage === 2 || r.usage === 3);
  const matching = usable.filter((r) => tlsaMatches(r, obs.smtp.ok ? obs.smtp.hashes : []));
  if (matching.length > 0)
    return makeFinding('dane.tlsa', name, 'pass', {
      title: 'DANE matches your mail server',
      detail: `${name} is signed with DNSSEC and its TLSA record ${show(matching[0] as Tlsa)} matches the ${(matching[0] as Tlsa).selector === 1 ? 'public key' : 'certificate'} the server showed.${records.length > matching.length ? ` ${records.length - matching.length} other record(s) do not match (fine during a key change).` : ''}${domainDnssec.state === 'insecure' ? ` But the domain's own zone is not signed (${domainDnssec.reason}): senders only use DANE when the MX lookup is signed too.` : ''}`,
      evidence,
    });
  if (usable.length === 0)
    return makeFinding('dane.tlsa', name, 'warn', {
      title: 'The TLSA records are of a kind mail servers do not use',
      detail: `${name} has only TLSA records with usage 0 or 1 (${listed}); for mail (RFC 7672) only usage 2 and 3 count, so senders fall back to unchecked encryption.`,
      fix: `Replace them: ${create}`,
      evidence,
    });
  return makeFinding('dane.tlsa', name, 'fail', {
    title: 'The TLSA record does not match your mail server',
    detail: `${name} is signed with DNSSEC and says the server's key is ${listed}, but the server showed another ${seenKey ? `(its public key hash is ${seenKey})` : 'key'}. Servers that check DANE refuse to deliver to you.`,
    fix: `${value ? `Publish ${value} ${atDnsHost(ctx)} at "${nameField(name, ctx)}" and delete the record that does not match.` : create} Next time, publish the new key's hash before you switch keys, and renew with "certbot renew --reuse-key" so the key stays the same.`,
    evidence,
  });
}
