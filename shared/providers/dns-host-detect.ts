import { DNS_HOST_IDS, DNS_HOSTS, type DnsHostId } from './dns-hosts';
import { matchesNsPattern, normalizeNsName } from './ns-pattern';
import { isKnown } from './provider-fact';

/** The DNS host recognised from a zone's name servers. */
export interface DetectedDnsHost {
  id: DnsHostId;
  /** The name servers that matched the host's patterns (normalised). */
  matched: string[];
  /** Name servers that belong to no pattern of this host (a zone served by two providers). */
  unmatched: string[];
  /**
   * Other hosts whose patterns match the same names: Google's name servers serve both Google
   * Cloud DNS and domains that moved from Google Domains to Squarespace.
   */
  alsoPossible: DnsHostId[];
}

function matchesOf(id: DnsHostId, names: string[]): string[] {
  const fact = DNS_HOSTS[id].nameServers;
  if (!isKnown(fact)) return [];
  return names.filter((name) => fact.value.some((pattern) => matchesNsPattern(pattern, name)));
}

/**
 * Recognise the DNS host from the NS names of a zone. The host matching the most names wins;
 * on a tie the catalogue order decides and the others are listed in alsoPossible. Null when
 * no pattern matches (the UI then keeps the user's own choice).
 */
export function detectDnsHost(nsNames: readonly string[]): DetectedDnsHost | null {
  const names = [...new Set(nsNames.map(normalizeNsName).filter((n) => n.length > 0))];
  const scored = DNS_HOST_IDS.map((id) => ({ id, matched: matchesOf(id, names) })).filter(
    (s) => s.matched.length > 0,
  );
  const best = scored.reduce<(typeof scored)[number] | undefined>(
    (acc, s) => (acc === undefined || s.matched.length > acc.matched.length ? s : acc),
    undefined,
  );
  if (best === undefined) return null;
  return {
    id: best.id,
    matched: best.matched,
    unmatched: names.filter((n) => !best.matched.includes(n)),
    alsoPossible: scored
      .filter((s) => s.id !== best.id && s.matched.length === best.matched.length)
      .map((s) => s.id),
  };
}
