import { Buffer } from 'node:buffer';
import { interpretResponse } from './answer-interpret';
import { startDeadline } from './deadline';
import { fetchDoh } from './doh-fetch';
import { failureAnswer } from './failure-answer';
import { buildWireQuery, decodeWireResponse } from './wire-message';
import type { FetchFunction } from './doh-fetch';
import type { DnsResult, DnsTransport, QueryType, SentQuery } from './types';

/** Options of the RFC 8484 (wire-format) DoH client. */
export interface DohWireOptions {
  /** Endpoint, e.g. "https://dns.quad9.net/dns-query". */
  url: string;
  timeoutMs: number;
  fetch?: FetchFunction;
  onSend?: (sent: SentQuery) => void;
}

/**
 * A DNS-over-HTTPS client for RFC 8484 (`application/dns-message`, POST). The body is the
 * same packet the UDP client sends, so answers keep exact TXT bytes, TTLs, AA and the SOA.
 */
export function createDohWireTransport(options: DohWireOptions): DnsTransport {
  const fetchFn = options.fetch ?? fetch;
  const server = options.url;

  async function query(name: string, type: QueryType, signal?: AbortSignal): Promise<DnsResult> {
    const startedAt = Date.now();
    const deadline = startDeadline(options.timeoutMs, signal);
    try {
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
        deadline.signal,
      );
      const body = Buffer.from(await response.arrayBuffer());
      const decoded = decodeWireResponse(body, wire);
      const meaning = interpretResponse(decoded);
      return {
        name: decoded.name,
        type,
        outcome: meaning.outcome,
        records: meaning.records,
        ...(meaning.negativeTtl !== undefined && { negativeTtl: meaning.negativeTtl }),
        ...(meaning.authoritySoa && { authoritySoa: meaning.authoritySoa }),
        ...(meaning.error && { error: `${server}: ${meaning.error}` }),
        authoritative: decoded.authoritative,
        rcode: decoded.rcode,
        via: 'doh-wire',
        server,
        elapsedMs: Date.now() - startedAt,
      };
    } catch (err) {
      return failureAnswer(
        {
          name,
          type,
          server,
          startedAt,
          timeoutMs: options.timeoutMs,
          timedOut: deadline.timedOut(),
          ...(signal && { signal }),
        },
        err,
      );
    } finally {
      deadline.dispose();
    }
  }

  return { server, query };
}
