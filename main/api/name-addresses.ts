import { createViews, type ViewsOptions } from '../dns/views';
import type { DnsResult } from '../dns/types';
import type { CallResponse } from '../../shared/api/contract';
import { lookupFailure } from './lookup-failure';

/** Both lookups together may take this long. */
const ADDRESSES_TIMEOUT_MS = 8000;

function addresses(r: DnsResult, type: 'A' | 'AAAA'): string[] {
  return r.records.flatMap((x) => (x.type === type ? [x.address] : []));
}

/**
 * The addresses a name (the mail host) has today, so the Server step can offer them. A lookup
 * that could not be made becomes a sentence in `problem`, never an error.
 */
export async function lookUpAddresses(
  name: string,
  settings: Pick<ViewsOptions, 'resolvers' | 'nsPort' | 'timeoutMs'> = {},
  signal: AbortSignal = AbortSignal.timeout(ADDRESSES_TIMEOUT_MS),
): Promise<CallResponse<'dns.addresses'>> {
  const n = name.toLowerCase().replace(/\.$/, '');
  const views = createViews({ timeoutMs: 3000, ...settings, signal });
  const [a, aaaa] = await Promise.all([
    views.recursive.query(n, 'A', signal),
    views.recursive.query(n, 'AAAA', signal),
  ]);
  const ipv4 = addresses(a, 'A');
  const ipv6 = addresses(aaaa, 'AAAA');
  const why = lookupFailure(a);
  const problem =
    why !== null && lookupFailure(aaaa) !== null
      ? `We could not look up ${n}: ${why}. Enter the address from your VPS host's control panel.`
      : ipv4.length + ipv6.length === 0
        ? `${n} has no address yet. Enter the one shown in your VPS host's control panel; the Records step then tells you how to publish it.`
        : null;
  return { ipv4, ipv6, problem };
}
