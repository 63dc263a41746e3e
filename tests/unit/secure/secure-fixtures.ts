import type { EvalContext } from '../../../shared/checks/eval-context';
import type {
  CertificateHashes,
  DnssecObservation,
  SecureRecord,
  SmtpSighting,
  ValidatedLookup,
} from '../../../shared/checks/secure-observation';
import { planSchema, type PlanInput } from '../../../shared/model/plan';

/** A plan and context for the secure-delivery judgements. */
export function ctxFor(extra: Partial<PlanInput> = {}): EvalContext {
  const plan = planSchema.parse({
    domain: 'example.test',
    mailHost: 'mail.example.test',
    ipv4: ['192.0.2.25'],
    ...extra,
  });
  return { plan, observedAt: '2026-12-07T00:00:00.000Z' };
}

/** One answer of the validating resolver. */
export function vl(
  name: string,
  type: ValidatedLookup['type'],
  records: SecureRecord[] = [],
  extra: Partial<ValidatedLookup> = {},
): ValidatedLookup {
  return {
    name,
    type,
    outcome: records.length ? 'answer' : 'nxdomain',
    authenticated: false,
    records,
    resolver: '127.0.0.1:5301',
    ...extra,
  };
}

/** A DNSSEC observation of each kind. */
export function dnssecObs(
  kind: 'secure' | 'insecure' | 'nods' | 'bogus' | 'nonvalidating',
): DnssecObservation {
  const base = { name: 'example.test', resolver: '127.0.0.1:5301', zone: 'example.test' };
  switch (kind) {
    case 'secure':
      return {
        ...base,
        validated: { outcome: 'answer', authenticated: true },
        unchecked: { outcome: 'answer', signed: true },
        dnskey: { outcome: 'answer', algorithms: [13] },
        ds: { outcome: 'answer', algorithms: [13] },
      };
    case 'insecure':
      return {
        ...base,
        validated: { outcome: 'answer', authenticated: false },
        unchecked: { outcome: 'answer', signed: false },
        dnskey: { outcome: 'nodata', algorithms: [] },
        ds: { outcome: 'nodata', algorithms: [] },
      };
    case 'nods':
      return {
        ...base,
        validated: { outcome: 'answer', authenticated: false },
        unchecked: { outcome: 'answer', signed: true },
        dnskey: { outcome: 'answer', algorithms: [13] },
        ds: { outcome: 'nodata', algorithms: [] },
      };
    case 'bogus':
      return {
        ...base,
        validated: {
          outcome: 'servfail',
          authenticated: false,
          ede: [{ code: 9, text: 'no DNSKEY matches DS' }],
        },
        unchecked: { outcome: 'answer', signed: true },
        dnskey: { outcome: 'answer', algorithms: [13] },
        ds: { outcome: 'answer', algorithms: [13] },
      };
    case 'nonvalidating':
      return {
        ...base,
        validated: { outcome: 'answer', authenticated: false },
        unchecked: { outcome: 'answer', signed: true },
        dnskey: { outcome: 'answer', algorithms: [13] },
        ds: { outcome: 'answer', algorithms: [13] },
      };
  }
}

/** Hashes of a made-up chain: leaf key "aa…", issuer key "bb…". */
export const CHAIN: CertificateHashes[] = [
  {
    cert: { sha256: 'c1'.repeat(32), sha512: 'c1'.repeat(64) },
    spki: { sha256: 'aa'.repeat(32), sha512: 'aa'.repeat(64) },
  },
  {
    cert: { sha256: 'c2'.repeat(32), sha512: 'c2'.repeat(64) },
    spki: { sha256: 'bb'.repeat(32), sha512: 'bb'.repeat(64) },
  },
];

/** What the SMTP probe saw: a trusted Let's Encrypt certificate with CHAIN. */
export const SEEN: Extract<SmtpSighting, { ok: true }> = {
  ok: true,
  address: '192.0.2.25',
  hashes: CHAIN,
  issuer: "C=US, O=Let's Encrypt, CN=R11",
  issuerName: 'R11',
  issuerOrg: "Let's Encrypt",
  selfSigned: false,
  trusted: true,
  coversHost: true,
};
