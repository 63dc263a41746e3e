import { MAX_CNAME_LINKS } from '../../shared/checks/cname-chain';
import type { AuthoritativeSet } from '../dns/authoritative-discovery';
import type { DnsResult, QueryType } from '../dns/types';

/** What following a chain needs: the target zone's nameservers, and one answer from them. */
export interface ChainDeps {
  /** Discover the zone of a name and its nameservers (memoised per run). */
  authoritativeFor(name: string): Promise<AuthoritativeSet>;
  /** The first conclusive answer of these nameservers (a lame one's answer already discounted). */
  askFirst(set: AuthoritativeSet, name: string, type: QueryType): Promise<DnsResult | undefined>;
}

function cnames(records: DnsResult['records']): { name: string; target: string }[] {
  return records.flatMap((r) => (r.type === 'CNAME' ? [{ name: r.name, target: r.target }] : []));
}

/**
 * Follow a CNAME chain to its end the way a receiver's resolver does, for an answer from an
 * authoritative server: it stops at the edge of its own zone ("no data" with the CNAMEs it
 * knows), so the rest is asked from the target zone's own nameservers, found as for the domain.
 * The answer that comes back carries every CNAME met, in order, then the records at the end, with
 * the outcome at the end. Stops at a loop (the repeated link stays visible in the records), at
 * MAX_CNAME_LINKS links, or when the target's nameservers cannot be found or asked (outcome
 * "error", with the link that could not be followed).
 */
export async function followCnameChain(
  first: DnsResult,
  type: QueryType,
  deps: ChainDeps,
): Promise<DnsResult> {
  if (type === 'CNAME') return first;
  let result = first;
  let records = [...first.records];
  const servers = [first.server];
  const asked = new Set<string>();
  const merged = (): DnsResult => ({
    ...result,
    name: first.name,
    records,
    server: servers.join(' then '),
    ...(first.authoritative !== undefined && { authoritative: first.authoritative }),
  });
  for (;;) {
    if (result.outcome !== 'nodata') return merged();
    const chain = cnames(records);
    const last = chain[chain.length - 1];
    if (!last) return merged();
    const owners = new Set([first.name, ...chain.map((c) => c.name)]);
    // The end of the chain was asked already (it has no record of this type): done.
    if (asked.has(last.target)) return merged();
    asked.add(last.target);
    // A loop, or a chain longer than a resolver follows: the records say so, nothing to ask.
    if (owners.has(last.target) || chain.length >= MAX_CNAME_LINKS) return merged();
    const set = await deps.authoritativeFor(last.target);
    if (set.views.length === 0) {
      return {
        ...merged(),
        outcome: 'error',
        error: `could not follow the CNAME ${last.name} → ${last.target}: ${set.problem ?? 'no nameservers found for it'}`,
      };
    }
    const next = await deps.askFirst(set, last.target, type);
    if (!next) {
      return {
        ...merged(),
        outcome: 'error',
        error: `could not follow the CNAME ${last.name} → ${last.target}: none of the nameservers of ${set.zone ?? last.target} gave a usable answer`,
      };
    }
    // The target zone's server may itself follow a chain inside its zone (interpretResponse keeps
    // those CNAMEs); a repeated link means a loop and is kept once so the chain shows it.
    records = [
      ...records,
      ...next.records.filter((r) => r.type !== 'CNAME' || !owners.has(r.name)),
    ];
    servers.push(next.server);
    result = next;
  }
}
