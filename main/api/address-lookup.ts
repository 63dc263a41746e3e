import type { DnsViews } from '../dns/views';
import type { DnsResult } from '../dns/types';
import { libraryAddresses } from '../dns/doh-addresses';
import { lookupFailure } from './lookup-failure';

/** One address type of a name as the wizard reads it. */
export interface AddressLookup {
  addresses: string[];
  /** Why the look-up could not be made (a clause for after a colon); null when it was. */
  failure: string | null;
}

/** The addresses of one type in a DNS answer. */
function addressesIn(r: DnsResult, type: 'A' | 'AAAA'): string[] {
  return r.records.flatMap((x) => (x.type === type ? [x.address] : []));
}

/**
 * A name's A or AAAA addresses for the wizard: through dns-over-http-resolver when a JSON DoH
 * endpoint may be asked; when it finds none (or may not be used), through the look-up's own
 * recursive view, which tells "no address" from "could not ask".
 */
async function lookUpAddressType(
  name: string,
  type: 'A' | 'AAAA',
  views: DnsViews,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<AddressLookup> {
  const endpoints = views.jsonDohEndpoints.map((e) => e.url);
  const fromLibrary = await libraryAddresses(name, type, endpoints, timeoutMs, signal);
  if (fromLibrary) return { addresses: fromLibrary, failure: null };
  const r = await views.recursive.query(name, type, signal);
  return { addresses: addressesIn(r, type), failure: lookupFailure(r) };
}

/** Both address types of a name, asked at once. */
export function lookUpBothAddresses(
  name: string,
  views: DnsViews,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<[AddressLookup, AddressLookup]> {
  return Promise.all([
    lookUpAddressType(name, 'A', views, timeoutMs, signal),
    lookUpAddressType(name, 'AAAA', views, timeoutMs, signal),
  ]);
}
