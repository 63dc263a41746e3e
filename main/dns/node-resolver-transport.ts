import { Resolver } from 'node:dns/promises';
import { canonicalName } from './dns-names';
import { CANCELLED_REASON } from './failure-answer';
import type { DnsOutcome, DnsRecord, DnsResult, DnsTransport, QueryType, SentQuery } from './types';

/** Options of the Node-resolver transport. */
export interface NodeResolverOptions {
  timeoutMs: number;
  /** Servers to use; default this computer's. An empty list asks nobody (an error at once). */
  servers?: string[];
  /** Told about every query handed to c-ares. */
  onSend?: (sent: SentQuery) => void;
}

const CODE_OUTCOMES: Record<string, DnsOutcome> = {
  ENOTFOUND: 'nxdomain',
  ENODATA: 'nodata',
  ESERVFAIL: 'servfail',
  EREFUSED: 'refused',
  ETIMEOUT: 'timeout',
};

async function lookup(resolver: Resolver, name: string, type: QueryType): Promise<DnsRecord[]> {
  switch (type) {
    case 'A':
    case 'AAAA': {
      const found =
        type === 'A'
          ? await resolver.resolve4(name, { ttl: true })
          : await resolver.resolve6(name, { ttl: true });
      return found.map((a) => ({ type, name, ttl: a.ttl, address: a.address }));
    }
    case 'MX':
      return (await resolver.resolveMx(name)).map((mx) => ({
        type,
        name,
        ttl: 0,
        preference: mx.priority,
        exchange: canonicalName(mx.exchange),
      }));
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((strings) => ({ type, name, ttl: 0, strings }));
    case 'NS':
    case 'CNAME':
    case 'PTR': {
      const targets =
        type === 'NS'
          ? await resolver.resolveNs(name)
          : type === 'CNAME'
            ? await resolver.resolveCname(name)
            : await resolver.resolvePtr(name);
      return targets.map((t) => ({ type, name, ttl: 0, target: canonicalName(t) }));
    }
    case 'SOA': {
      const soa = await resolver.resolveSoa(name);
      return [
        {
          type,
          name,
          ttl: 0,
          mname: canonicalName(soa.nsname),
          rname: canonicalName(soa.hostmaster),
          serial: soa.serial,
          minimum: soa.minttl,
        },
      ];
    }
  }
}

/**
 * A transport on Node's dns.Resolver (c-ares): the fallback for this computer's resolver when
 * the wire client cannot be used. It cannot give TTLs except for A/AAAA (0 elsewhere), the AA
 * flag, the authority SOA or CNAME chains; outcomes stay apart through its error codes.
 */
export function createNodeResolverTransport(options: NodeResolverOptions): DnsTransport {
  const server = options.servers?.join(', ') || 'system';
  return {
    server,
    query: async (rawName, type, signal) => {
      const name = canonicalName(rawName);
      const startedAt = Date.now();
      const base = { name, type, server, via: 'system' as const };
      if (options.servers?.length === 0) {
        return {
          ...base,
          outcome: 'error',
          records: [],
          elapsedMs: 0,
          error: 'This computer has no DNS resolver configured.',
        };
      }
      // c-ares doubles its timeout on each try: one try keeps the budget honest.
      const resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
      if (options.servers?.length) resolver.setServers(options.servers);
      const onAbort = (): void => resolver.cancel();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        options.onSend?.({ server, name, type, via: 'system' });
        const records = await lookup(resolver, name, type);
        return { ...base, outcome: 'answer', records, elapsedMs: Date.now() - startedAt };
      } catch (err) {
        const code = String((err as { code?: unknown }).code ?? '');
        const outcome: DnsOutcome = CODE_OUTCOMES[code] ?? 'error';
        const result: DnsResult = {
          ...base,
          outcome,
          records: [],
          elapsedMs: Date.now() - startedAt,
        };
        if (code === 'ECANCELLED') result.error = CANCELLED_REASON;
        else if (outcome === 'timeout')
          result.error = `No answer from ${server} within ${options.timeoutMs} ms.`;
        else if (outcome === 'error') result.error = `${server}: ${(err as Error).message}`;
        return result;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
