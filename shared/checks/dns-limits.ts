/**
 * The most one check follows and keeps, whatever a DNS server sends (docs/CHECKS.md "Limits").
 * A hostile or broken zone (1,000 MX hosts with 1,000 addresses each) would otherwise make one
 * run ask thousands of questions and keep gigabytes of evidence. Every finding judged from a
 * capped answer names the cap, so nobody reads "checked the first 20" as "checked them all".
 */
export const DNS_LIMITS = {
  /** Records of the asked type kept from one answer (TXT, MX, PTR, NS...). */
  recordsPerAnswer: 100,
  /** Addresses (A or AAAA records) kept from one answer about one host. */
  addressesPerHost: 20,
  /** MX hosts whose addresses are looked up (in the order of their preference). */
  mxHostsFollowed: 20,
  /** Reverse names (PTR) of one address whose forward addresses are looked up. */
  ptrNamesFollowed: 10,
  /** Records of one answer shown in a finding's evidence (the count of the rest is kept). */
  evidenceRecords: 10,
  /** Characters of one TXT record kept in a finding's evidence. */
  evidenceTextChars: 2_000,
} as const;

/** How many records of the asked type one answer may keep. */
export function recordCap(type: string): number {
  return type === 'A' || type === 'AAAA'
    ? DNS_LIMITS.addressesPerHost
    : DNS_LIMITS.recordsPerAnswer;
}

/** A count as people write it: 1,000. */
export function countWords(n: number): string {
  return n.toLocaleString('en-US');
}

/** Items as a list a person reads: the first DNS_LIMITS.evidenceRecords, then "and 990 more". */
export function listWords(items: readonly string[]): string {
  const shown = items.slice(0, DNS_LIMITS.evidenceRecords).join(', ');
  const more = items.length - DNS_LIMITS.evidenceRecords;
  return more > 0 ? `${shown} and ${countWords(more)} more` : shown;
}
