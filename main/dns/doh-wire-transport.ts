import { queryTransport } from './query-run';
import { Buffer } from 'node:buffer';
import { fetchDoh } from './doh-fetch';
import { buildWireQuery, decodeWireResponse } from './wire-message';
import type { DohOptions } from './doh-fetch';
import type { DnsTransport } from './types';

/**
 * A DNS-over-HTTPS client for RFC 8484 (`application/dns-message`, POST). The body is the
 * same packet the UDP client sends, so answers keep exact TXT bytes, TTLs, AA and the SOA.
 */
export function createDohWireTransport(options: DohOptions): DnsTransport {
  const fetchFn = options.fetch ?? fetch;
  const server = options.url;

  return queryTransport(server, options.timeoutMs, async (name, type, deadline) => {
    const wire = buildWireQuery(name, type, { recursionDesired: true });
    options.onSend?.({ server, name: wire.name, type, via: 'doh-wire' });
    const response = await fetchDoh(
      fetchFn,
      server,
      {
        method: 'POST',
        headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
        body: new Uint8Array(wire.bytes),
      },
      deadline,
    );
    const body = Buffer.from(await response.arrayBuffer());
    return { response: decodeWireResponse(body, wire), via: 'doh-wire' as const };
  });
}
