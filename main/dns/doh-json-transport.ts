import { queryTransport } from './query-run';
import { canonicalName } from './dns-names';
import { DohHttpError, fetchDoh } from './doh-fetch';
import { dohJsonSchema, responseFromJson } from './doh-json-parse';
import type { DohOptions } from './doh-fetch';
import type { DohJson } from './doh-json-parse';
import type { DnsTransport, QueryType } from './types';

/**
 * A DNS-over-HTTPS client for the JSON flavour (`accept: application/dns-json`). Keeps the
 * response code, TTLs, CNAME chain and, where the server quotes them, TXT string boundaries
 * (dns-over-http-resolver drops the first and joins the last; it serves address look-ups in
 * doh-addresses.ts).
 */
export function createDohJsonTransport(options: DohOptions): DnsTransport {
  const fetchFn = options.fetch ?? fetch;
  const server = options.url;

  function resourceFor(name: string, type: QueryType): string {
    const url = new URL(server);
    url.searchParams.set('name', name);
    url.searchParams.set('type', type);
    return url.toString();
  }

  return queryTransport(server, options.timeoutMs, async (name, type, deadline) => {
    const qname = canonicalName(name);
    options.onSend?.({ server, name: qname, type, via: 'doh-json' });
    const response = await fetchDoh(
      fetchFn,
      resourceFor(qname, type),
      { headers: { accept: 'application/dns-json' } },
      deadline,
    );
    const parsed = dohJsonSchema.safeParse(await response.json());
    if (!parsed.success) throw new DohHttpError('the DNS-over-HTTPS answer is not DNS JSON');
    const json: DohJson = parsed.data;
    return { response: responseFromJson(json, qname, type), via: 'doh-json' as const };
  });
}
