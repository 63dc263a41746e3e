import type { ProviderHop } from '../../shared/checks/message-observation';
import { reverseName } from '../../shared/checks/ip-facts';
import type { DnsQuerier } from '../spf/spf-resolver';

/**
 * The hop's reverse name (PTR) and whether it points back to the hop's address (at most five
 * names asked); a PTR that could not be looked up is recorded as such.
 */
export async function ptrOf(
  hop: ProviderHop,
  dns: DnsQuerier,
  signal?: AbortSignal,
): Promise<ProviderHop> {
  if (!hop.ip) return hop;
  const a = await dns.query(reverseName(hop.ip), 'PTR', signal);
  if (a.outcome === 'nxdomain' || a.outcome === 'nodata') return { ...hop, ptr: [] };
  if (a.outcome !== 'answer') return { ...hop, ptrProblem: a.error ?? a.outcome };
  const ptr = a.records.flatMap((r) => (r.type === 'PTR' ? [r.target.replace(/\.$/, '')] : []));
  const type = hop.ip.includes(':') ? 'AAAA' : 'A';
  let confirmed = false;
  for (const name of ptr.slice(0, 5)) {
    const f = await dns.query(name, type, signal);
    if (f.records.some((r) => (r.type === 'A' || r.type === 'AAAA') && r.address === hop.ip))
      confirmed = true;
  }
  return { ...hop, ptr, ptrConfirmed: confirmed };
}
