import type { DnsResultView } from '../dns/types';
import { dmarcTexts } from '../../shared/checks/dmarc-applied';
import type { InheritedDmarc } from '../../shared/records/dmarc-coverage';
import { dmarcWalkDomains } from '../../shared/records/dmarc-walk';

/**
 * What a subdomain inherits from above, for the planner: the DMARC record receivers apply to it
 * when it has none of its own (RFC 9989's walk), and the zone its records are typed into. Every
 * lookup goes through the caller's views, bounded by its signal; a failure leaves the fact out
 * (the planner then plans as if nothing were inherited: a record of its own, never less).
 */

function texts(r: Awaited<ReturnType<DnsResultView['query']>>): string[] {
  return r.records.flatMap((x) => (x.type === 'TXT' ? [x.strings.join('')] : []));
}

/**
 * The first DMARC record above `domain` on the walk receivers make, or undefined when there is
 * none or a step could not be read (an unread step could hide the record that applies).
 */
export async function inheritedDmarc(
  recursive: DnsResultView,
  domain: string,
  signal: AbortSignal,
): Promise<InheritedDmarc | undefined> {
  // One at a time, in order: the first record found is the one that applies.
  for (const parent of dmarcWalkDomains(domain).slice(1)) {
    const r = await recursive.query(`_dmarc.${parent}`, 'TXT', signal);
    if (r.outcome === 'nodata' || r.outcome === 'nxdomain') continue;
    if (r.outcome !== 'answer') return undefined;
    const all = texts(r);
    if (dmarcTexts(all).length > 0) return { at: parent, texts: all };
  }
  return undefined;
}

/**
 * The zone `domain` lives in: the owner of the SOA a recursive resolver returns for it (in the
 * answer at a zone apex, in the authority section of a negative answer below one).
 */
export async function zoneOf(
  recursive: DnsResultView,
  domain: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const r = await recursive.query(domain, 'SOA', signal);
  if (r.records.some((x) => x.type === 'CNAME')) return undefined;
  const soa = r.records.find((x) => x.type === 'SOA') ?? r.authoritySoa;
  const owner = soa?.name.toLowerCase().replace(/\.$/, '');
  return owner !== undefined && (domain === owner || domain.endsWith(`.${owner}`))
    ? owner
    : undefined;
}
