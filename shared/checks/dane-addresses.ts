import type { CertificateHashes, SecureRecord, SmtpSighting } from './secure-observation';

/**
 * DANE compared address by address: a sender that does DANE checks the TLSA records against
 * whichever of the mail host's addresses it happens to reach, so one address with another key
 * is enough for some mail to be refused. Pure facts here; dane-checks.ts words the finding.
 */

/** One TLSA record as the secure checks read it. */
export type Tlsa = Extract<SecureRecord, { type: 'TLSA' }>;

function hashFor(h: CertificateHashes, selector: number, matchingType: number): string | undefined {
  const part = selector === 0 ? h.cert : selector === 1 ? h.spki : undefined;
  if (!part) return undefined;
  return matchingType === 1 ? part.sha256 : matchingType === 2 ? part.sha512 : undefined;
}

/** Whether one TLSA record matches the chain the server showed (leaf first). */
function tlsaMatches(r: Tlsa, chain: readonly CertificateHashes[]): boolean {
  const data = r.data.toLowerCase();
  // DANE-EE (3) names the server's own certificate or key; DANE-TA (2) a CA in its chain.
  const candidates = r.usage === 3 ? chain.slice(0, 1) : r.usage === 2 ? chain.slice(1) : [];
  return candidates.some((h) => hashFor(h, r.selector, r.matchingType) === data);
}

/** What one address showed, against the usable TLSA records. */
export type AddressVerdict =
  | { kind: 'match'; address: string; record: Tlsa }
  /** A certificate, but no usable record names it; `spki` is its key's SHA-256 (the fix). */
  | { kind: 'mismatch'; address: string; spki?: string }
  /** The server answered without STARTTLS: a DANE sender refuses to deliver there. */
  | { kind: 'no-starttls'; address: string }
  /** No certificate seen (not reached, TLS failed, SMTP checks off): not compared. */
  | { kind: 'unseen'; address?: string; reason: string };

/** The verdict for each address the SMTP probe talked to, in the order it reported them. */
export function verdictsPerAddress(
  usable: readonly Tlsa[],
  sightings: readonly SmtpSighting[],
): AddressVerdict[] {
  return sightings.map((s): AddressVerdict => {
    if (!s.ok) {
      if (s.noStarttls && s.address) return { kind: 'no-starttls', address: s.address };
      return { kind: 'unseen', ...(s.address ? { address: s.address } : {}), reason: s.reason };
    }
    const record = usable.find((r) => tlsaMatches(r, s.hashes));
    if (record) return { kind: 'match', address: s.address, record };
    const spki = s.hashes[0]?.spki.sha256;
    return { kind: 'mismatch', address: s.address, ...(spki ? { spki } : {}) };
  });
}

/** Addresses as a reader lists them: "192.0.2.1", "192.0.2.1 and 2001:db8::1", "a, b and c". */
export function addressList(addresses: readonly string[]): string {
  if (addresses.length <= 1) return addresses[0] ?? '';
  return `${addresses.slice(0, -1).join(', ')} and ${addresses[addresses.length - 1]}`;
}
