import type { SecureRecord, ValidatedLookup } from './secure-observation';

/**
 * Reading the validating resolver's answers for the secure-delivery checks: what a lookup says
 * in plain words, and the records of one kind.
 */

/** Whether the answer says something about the name (it exists with records, has none, or does not exist). */
export function conclusive(l: ValidatedLookup): boolean {
  return l.outcome === 'answer' || l.outcome === 'nodata' || l.outcome === 'nxdomain';
}

/** The TXT texts of a lookup. */
export function texts(l: ValidatedLookup): string[] {
  return l.records.flatMap((r) => (r.type === 'TXT' ? [r.text] : []));
}

/** The records of one type. */
export function recordsOfType<T extends SecureRecord['type']>(
  l: ValidatedLookup,
  type: T,
): Extract<SecureRecord, { type: T }>[] {
  return l.records.filter((r): r is Extract<SecureRecord, { type: T }> => r.type === type);
}

/** Why a lookup told nothing, as a clause ("the resolver 127.0.0.1:5301 answered SERVFAIL"). */
export function lookupTrouble(l: ValidatedLookup): string {
  const what =
    l.outcome === 'servfail'
      ? 'a server failure (SERVFAIL)'
      : l.outcome === 'refused'
        ? 'a refusal (REFUSED)'
        : l.outcome === 'timeout'
          ? 'no answer in time'
          : (l.error ?? 'an error');
  const ede = l.ede?.length
    ? ` (${l.ede.map((e) => (e.text ? `${edeName(e.code)}: ${e.text}` : edeName(e.code))).join('; ')})`
    : '';
  return `asking ${l.name} ${l.type} of the resolver ${l.resolver} gave ${what}${ede}`;
}

/** Names of the Extended DNS Error codes that concern DNSSEC (RFC 8914 §4). */
const EDE_NAMES: Record<number, string> = {
  1: 'unsupported DNSKEY algorithm',
  2: 'unsupported DS digest type',
  5: 'DNSSEC indeterminate',
  6: 'DNSSEC bogus',
  7: 'signature expired',
  8: 'signature not yet valid',
  9: 'DNSKEY missing',
  10: 'RRSIGs missing',
  11: 'no zone key bit set',
  12: 'NSEC missing',
  22: 'no reachable authority',
  23: 'network error',
};

/** A plain name for an Extended DNS Error code. */
export function edeName(code: number): string {
  return EDE_NAMES[code] ?? `extended error ${code}`;
}

/** Evidence of a lookup: what was asked, of whom, and what came back. */
export function validatedEvidence(l: ValidatedLookup): Record<string, unknown> {
  return {
    name: l.name,
    type: l.type,
    resolver: l.resolver,
    outcome: l.outcome,
    authenticated: l.authenticated,
    records: l.records,
    ...(l.ede?.length ? { ede: l.ede } : {}),
    ...(l.error ? { error: l.error } : {}),
  };
}
