import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import type { DnssecState } from './dnssec-checks';
import { addressList, verdictsPerAddress, type AddressVerdict, type Tlsa } from './dane-addresses';
import { conclusive, lookupTrouble, recordsOfType, validatedEvidence } from './secure-lookup';
import type { DaneObservation } from './secure-observation';
import { chose, securityChoices } from '../model/security-choices';
import { keyHashCommand, tlsaValue } from '../records/secure-records';

/**
 * dane.tlsa (RFC 7672): TLSA records at _25._tcp.<mail host> count only under DNSSEC, and then
 * one usable record (DANE-TA 2 or DANE-EE 3) must match what each address of the mail host
 * showed after STARTTLS. Under DNSSEC a mismatch at any address is `fail`, naming it: DANE senders
 * refuse to deliver there. Without DNSSEC they are ignored (`warn` when published: useless as it
 * stands). Not published and not chosen: `info`.
 */

function show(r: Tlsa): string {
  return `${r.usage} ${r.selector} ${r.matchingType} ${r.data.slice(0, 16)}…`;
}

/** What the finding words share: the TLSA name, the plan's context, the evidence, the fix. */
interface DaneWords {
  name: string;
  ctx: EvalContext;
  evidence: Record<string, unknown>;
  /** The full record to publish, when a key hash is known (seen, else planned). */
  value?: string;
  /** "Create a TLSA record …", ready to follow. */
  create: string;
}

function wordsFor(obs: DaneObservation, ctx: EvalContext): DaneWords {
  const name = obs.tlsa.name;
  const seenKey = obs.smtp.find((s) => s.ok)?.hashes[0]?.spki.sha256;
  const planned = securityChoices(ctx.plan.security).dane?.keyHashes ?? [];
  const value = seenKey ? tlsaValue(seenKey) : planned[0] ? tlsaValue(planned[0]) : undefined;
  const field = `${atDnsHost(ctx)}: Name "${nameField(name, ctx)}", Type TLSA, Value`;
  return {
    name,
    ctx,
    evidence: {
      lookup: validatedEvidence(obs.tlsa),
      smtp: obs.smtp.length === 1 ? obs.smtp[0] : obs.smtp,
      ...(seenKey ? { spkiSha256: seenKey } : {}),
    },
    ...(value ? { value } : {}),
    create: value
      ? `Create a TLSA record ${field} ${value} (usage 3, selector 1, matching type 1, then the hash).`
      : `Create a TLSA record ${field} 3 1 1 followed by the hash the server prints for: ${keyHashCommand(ctx.plan.mailHost)}`,
  };
}

/** No TLSA record: information when DANE was not chosen, else a warn with the record to create. */
function notPublished(w: DaneWords, hostDnssec: DnssecState, wanted: boolean): Finding {
  const signed = hostDnssec.state === 'secure';
  if (!wanted)
    return makeFinding('dane.tlsa', w.name, 'info', {
      title: 'DANE is not set up (optional)',
      detail: signed
        ? "DANE (DNS-based Authentication of Named Entities) publishes your mail server's key in DNS, so other servers that check it only accept an encrypted connection to that key. Your zone is signed with DNSSEC, so you could add it; it is optional."
        : "DANE (DNS-based Authentication of Named Entities) publishes your mail server's key in DNS. It needs DNSSEC, which this zone does not have, so a TLSA record would be ignored. Nothing to do: it is optional.",
      evidence: w.evidence,
    });
  return makeFinding('dane.tlsa', w.name, 'warn', {
    title: 'The TLSA record is not published yet',
    detail: `You chose DANE, but there is no TLSA record at ${w.name}.${signed ? '' : ' It also needs DNSSEC, which this zone does not have yet (see dnssec.mail-host).'}`,
    fix: w.create,
    evidence: w.evidence,
  });
}

/** dane.tlsa for the mail host. `hostDnssec` and `domainDnssec` are the DNSSEC states judged for them. */
export function evaluateDaneTlsa(
  obs: DaneObservation,
  hostDnssec: DnssecState,
  domainDnssec: DnssecState,
  ctx: EvalContext,
): Finding {
  const w = wordsFor(obs, ctx);
  if (!conclusive(obs.tlsa)) {
    if (hostDnssec.state === 'bogus')
      return unknownFinding(
        'dane.tlsa',
        w.name,
        `the mail host's DNSSEC is broken (see dnssec.mail-host), so its TLSA records cannot be read`,
        w.evidence,
        'Fix DNSSEC first (see dnssec.mail-host), then check again.',
      );
    return unknownFinding('dane.tlsa', w.name, lookupTrouble(obs.tlsa), w.evidence);
  }
  const records = recordsOfType(obs.tlsa, 'TLSA');
  if (records.length === 0) return notPublished(w, hostDnssec, chose(ctx.plan.security, 'dane'));
  const listed = records.map(show).join(', ');
  if (hostDnssec.state !== 'secure' || !obs.tlsa.authenticated)
    return makeFinding('dane.tlsa', w.name, 'warn', {
      title: 'The TLSA record is ignored: the zone is not signed',
      detail: `${w.name} has TLSA records (${listed}), but ${hostDnssec.state === 'insecure' ? hostDnssec.reason : 'the answer was not validated with DNSSEC'}. Senders use TLSA records only when DNSSEC proves them, so these change nothing.`,
      fix: 'Turn on DNSSEC for the zone (see dnssec.mail-host), or delete the TLSA records if you do not want DANE.',
      evidence: w.evidence,
    });
  if (domainDnssec.state !== 'secure' && domainDnssec.state !== 'unknown')
    if (chose(ctx.plan.security, 'dane')) w.evidence.domainDnssec = domainDnssec;
  return judgeAddresses(records, obs, domainDnssec, w);
}

/** Under DNSSEC: the TLSA records against what each address showed after STARTTLS. */
function judgeAddresses(
  records: Tlsa[],
  obs: DaneObservation,
  domainDnssec: DnssecState,
  w: DaneWords,
): Finding {
  const listed = records.map(show).join(', ');
  const usable = records.filter((r) => r.usage === 2 || r.usage === 3);
  const verdicts = verdictsPerAddress(usable, obs.smtp);
  const of = <K extends AddressVerdict['kind']>(kind: K) =>
    verdicts.filter((v): v is Extract<AddressVerdict, { kind: K }> => v.kind === kind);
  w.evidence.addresses = verdicts.map((v) =>
    v.kind === 'match' ? { address: v.address, kind: v.kind, record: show(v.record) } : v,
  );
  const noTls = of('no-starttls');
  if (noTls.length > 0)
    return makeFinding('dane.tlsa', w.name, 'fail', {
      title: 'DANE is published but the server offers no encryption',
      detail: `${w.name} has TLSA records under DNSSEC, but the mail server at ${addressList(noTls.map((v) => v.address))} does not offer STARTTLS. Servers that check DANE refuse to deliver without it.`,
      fix: 'Turn on STARTTLS in your mail server (see smtp.starttls), or delete the TLSA records.',
      evidence: w.evidence,
    });
  const unseen = of('unseen');
  if (unseen.length === verdicts.length)
    return unknownFinding(
      'dane.tlsa',
      w.name,
      `the TLSA records (${listed}) could not be compared with the server's certificate: ${unseen.map((v) => v.reason).join('; ') || 'the SMTP probe reported nothing'}`,
      w.evidence,
    );
  if (usable.length === 0)
    return makeFinding('dane.tlsa', w.name, 'warn', {
      title: 'The TLSA records are of a kind mail servers do not use',
      detail: `${w.name} has only TLSA records with usage 0 or 1 (${listed}); for mail (RFC 7672) only usage 2 and 3 count, so senders fall back to unchecked encryption.`,
      fix: `Replace them: ${w.create}`,
      evidence: w.evidence,
    });
  const mismatched = of('mismatch');
  if (mismatched.length > 0) return mismatchFinding(listed, mismatched, of('match'), w);
  return matchFinding(records, of('match'), unseen, domainDnssec, w);
}

/** Every address reached matches: pass, saying which record matched and what was not compared. */
function matchFinding(
  records: Tlsa[],
  matched: Extract<AddressVerdict, { kind: 'match' }>[],
  unseen: Extract<AddressVerdict, { kind: 'unseen' }>[],
  domainDnssec: DnssecState,
  w: DaneWords,
): Finding {
  const first = matched[0] as (typeof matched)[number];
  const used = new Set(matched.map((v) => v.record));
  const at = matched.length > 1 ? ` at each of ${addressList(matched.map((v) => v.address))}` : '';
  return makeFinding('dane.tlsa', w.name, 'pass', {
    title: 'DANE matches your mail server',
    detail: [
      `${w.name} is signed with DNSSEC and its TLSA record ${show(first.record)} matches the ${first.record.selector === 1 ? 'public key' : 'certificate'} the server showed${at}.`,
      records.length > used.size
        ? `${records.length - used.size} other record(s) do not match (fine during a key change).`
        : '',
      unseen.length > 0
        ? `Not compared: ${unseen.map((v) => `${v.address ?? 'an address'} (${v.reason})`).join('; ')}.`
        : '',
      domainDnssec.state === 'insecure'
        ? `But the domain's own zone is not signed (${domainDnssec.reason}): senders only use DANE when the MX lookup is signed too.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    evidence: w.evidence,
  });
}

/** One or more addresses showed a key no TLSA record names: fail, naming each and its key. */
function mismatchFinding(
  listed: string,
  mismatched: Extract<AddressVerdict, { kind: 'mismatch' }>[],
  matched: Extract<AddressVerdict, { kind: 'match' }>[],
  w: DaneWords,
): Finding {
  const where = addressList(mismatched.map((v) => v.address));
  const keys = mismatched.map(
    (v) => `${v.address} shows ${v.spki ? `a key whose hash is ${v.spki}` : 'another key'}`,
  );
  const newValues = [...new Set(mismatched.flatMap((v) => (v.spki ? [tlsaValue(v.spki)] : [])))];
  const rollover =
    'Next time, publish the new key\'s hash before you switch keys, and renew with "certbot renew --reuse-key" so the key stays the same.';
  if (matched.length === 0) {
    const value = newValues.length === 1 ? newValues[0] : w.value;
    return makeFinding('dane.tlsa', w.name, 'fail', {
      title: 'The TLSA record does not match your mail server',
      detail: `${w.name} is signed with DNSSEC and says the server's key is ${listed}, but ${keys.join('; ')}. Servers that check DANE refuse to deliver to you.`,
      fix: `${value && newValues.length <= 1 ? `Publish ${value} ${atDnsHost(w.ctx)} at "${nameField(w.name, w.ctx)}" and delete the record that does not match.` : newValues.length > 1 ? `Use one key on every address and publish its hash (${newValues.join(' or ')}) ${atDnsHost(w.ctx)} at "${nameField(w.name, w.ctx)}"; delete the record that does not match.` : w.create} ${rollover}`,
      evidence: w.evidence,
    });
  }
  const good = addressList(matched.map((v) => v.address));
  return makeFinding('dane.tlsa', w.name, 'fail', {
    title: `The TLSA record does not match the server at ${where}`,
    detail: `${w.name} is signed with DNSSEC and its TLSA record matches the server at ${good}, but ${keys.join('; ')}. Servers that check DANE refuse to deliver whenever they reach ${where}.`,
    fix: `Install the same certificate and key on ${where} as on ${good}${newValues.length > 0 ? `, or add a TLSA record ${newValues.join(' and ')} ${atDnsHost(w.ctx)} at "${nameField(w.name, w.ctx)}" next to the one that matches` : ''}. ${rollover}`,
    evidence: w.evidence,
  });
}
