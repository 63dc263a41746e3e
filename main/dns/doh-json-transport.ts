import { queryTransport } from './query-run';
import { AsyncLocalStorage } from 'node:async_hooks';
import type DohResolver from 'dns-over-http-resolver';
import { canonicalName } from './dns-names';
import { DohHttpError, fetchDoh } from './doh-fetch';
import { dohJsonSchema, responseFromJson } from './doh-json-parse';
import type { FetchFunction } from './doh-fetch';
import type { DohJson } from './doh-json-parse';
import type { DnsTransport, QueryType, SentQuery } from './types';

/** Options of the JSON DoH client. */
export interface DohJsonOptions {
  /** Endpoint, e.g. "https://cloudflare-dns.com/dns-query" or "https://dns.google/resolve". */
  url: string;
  timeoutMs: number;
  /** Injectable fetch (tests, proxies); default the global fetch. */
  fetch?: FetchFunction;
  /**
   * Send A/AAAA through dns-over-http-resolver (the product brief's choice, correct for
   * addresses); default true. TXT and the rest always go through this client, because the
   * library strips quotes, joins strings and drops the response code.
   */
  libraryForAddresses?: boolean;
  /** Called once per HTTP request sent. */
  onSend?: (sent: SentQuery) => void;
}

/** Per-query context the library's request hook reads (the library has no per-call options). */
interface HookContext {
  signal: AbortSignal;
  name: string;
  type: QueryType;
  json?: DohJson;
  error?: unknown;
}

/**
 * A DNS-over-HTTPS client for the JSON flavour (`accept: application/dns-json`). Keeps the
 * response code, TTLs, CNAME chain and, where the server quotes them, TXT string boundaries.
 */
export function createDohJsonTransport(options: DohJsonOptions): DnsTransport {
  const fetchFn = options.fetch ?? fetch;
  const server = options.url;
  const context = new AsyncLocalStorage<HookContext>();

  async function getJson(
    resource: string,
    ctx: HookContext,
    libSignal?: AbortSignal,
  ): Promise<DohJson> {
    options.onSend?.({ server, name: ctx.name, type: ctx.type, via: 'doh-json' });
    const signal = libSignal ? AbortSignal.any([libSignal, ctx.signal]) : ctx.signal;
    try {
      const response = await fetchDoh(
        fetchFn,
        resource,
        { headers: { accept: 'application/dns-json' } },
        signal,
      );
      const parsed = dohJsonSchema.safeParse(await response.json());
      if (!parsed.success) throw new DohHttpError('the DNS-over-HTTPS answer is not DNS JSON');
      ctx.json = parsed.data;
      return parsed.data;
    } catch (err) {
      ctx.error = err;
      throw err;
    }
  }

  // One library instance per endpoint, so answers from different public resolvers never mix.
  // Loaded on first use: runs pointed at plain resolvers (the CLI on a server, tests) never pay
  // for loading it.
  let library: Promise<DohResolver> | undefined;
  function getLibrary(): Promise<DohResolver> {
    library ??= import('dns-over-http-resolver').then(({ default: Resolver }) => {
      const lib = new Resolver({
        maxCache: 1000,
        request: (resource, libSignal) => {
          const ctx = context.getStore();
          if (!ctx) return Promise.reject(new Error('DoH request outside a query'));
          // The library's DNSJSON type insists on Question/Answer, which negative answers lack;
          // it only reads them inside its own try/catch, so the real shape is safe to hand over.
          return getJson(resource, ctx, libSignal) as Promise<never>;
        },
      });
      lib.setServers([server]);
      return lib;
    });
    return library;
  }

  function resourceFor(name: string, type: QueryType): string {
    const url = new URL(server);
    url.searchParams.set('name', name);
    url.searchParams.set('type', type);
    return url.toString();
  }

  async function fetchAnswer(ctx: HookContext): Promise<DohJson> {
    if ((ctx.type === 'A' || ctx.type === 'AAAA') && options.libraryForAddresses !== false) {
      // The library's own cache would hide the response from the hook (and reads TTLs as ms).
      const lib = await getLibrary();
      lib.clearCache();
      await context
        .run(ctx, () => lib.resolve(ctx.name, ctx.type as 'A' | 'AAAA'))
        .catch(() => {
          // It throws one message for NXDOMAIN, no-data, SERVFAIL and dead servers alike; the
          // hook kept the real response (or the real error), which is read below.
        });
      if (ctx.json) return ctx.json;
      throw ctx.error ?? new Error('no answer');
    }
    return getJson(resourceFor(ctx.name, ctx.type), ctx);
  }

  return queryTransport(server, options.timeoutMs, async (name, type, deadline) => {
    const qname = canonicalName(name);
    const json = await fetchAnswer({ signal: deadline, name: qname, type });
    return { response: responseFromJson(json, qname, type), via: 'doh-json' as const };
  });
}
