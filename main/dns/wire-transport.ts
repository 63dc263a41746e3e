import { TruncatedAnswerError } from './failure-answer';
import { queryTransport } from './query-run';
import { formatServerAddress, parseServerAddress } from './server-address';
import { tcpExchange } from './tcp-exchange';
import { udpExchange } from './udp-exchange';
import { buildWireQuery } from './wire-message';
import type { ServerAddress } from './server-address';
import type { WireResponse } from './wire-message';
import type { DnsTransport, QueryType, SentQuery } from './types';

/** Why an empty TCP answer after a truncated UDP one is not read as "no record". */
const EMPTY_AFTER_TRUNCATION =
  'it said its answer was too long for UDP, then sent an empty one over TCP, so it could not be read whole';

/**
 * A NOERROR answer with no records and no SOA: after "too long for UDP" it cannot be the whole
 * answer (a real no-data answer fits in UDP and carries the zone's SOA).
 */
function looksEmpty(response: WireResponse): boolean {
  return (
    response.rcode === 'NOERROR' &&
    response.answers.length === 0 &&
    !response.authorities.some((r) => r.type === 'SOA')
  );
}

/** Options of the UDP/TCP wire client. */
export interface WireTransportOptions {
  /** The server: "HOST[:PORT]" (IP literal) or a parsed address. */
  server: string | ServerAddress;
  /** Port when `server` is a string without one (default 53). */
  port?: number;
  /** Total time for one query, UDP retransmits and the TCP fallback included. */
  timeoutMs: number;
  /** Set RD (default true); authoritative servers are asked with false. */
  recursionDesired?: boolean;
  /** Ask over TCP from the start. */
  tcpOnly?: boolean;
  /** UDP retransmit interval (default: a third of the timeout, at least 200 ms). */
  retransmitMs?: number;
  /** Called for every packet (UDP datagram or TCP query) sent: counters and tests use it. */
  onSend?: (sent: SentQuery) => void;
}

/**
 * A DNS client on dns-packet that asks one server over UDP (EDNS0, 1232-byte buffer) and retries
 * over TCP when the answer is truncated. Each query has a random id and source port, is checked
 * against its question, and ends within `timeoutMs` with an outcome: it never throws.
 */
export function createWireTransport(options: WireTransportOptions): DnsTransport {
  const address =
    typeof options.server === 'string'
      ? parseServerAddress(options.server, options.port ?? 53)
      : options.server;
  const server = formatServerAddress(address);
  const recursionDesired = options.recursionDesired ?? true;
  const retransmitMs = options.retransmitMs ?? Math.max(200, Math.floor(options.timeoutMs / 3));

  async function exchange(
    name: string,
    type: QueryType,
    signal: AbortSignal,
    edns: boolean,
  ): Promise<{ response: WireResponse; via: 'udp' | 'tcp' }> {
    let udpTruncated = false;
    if (!options.tcpOnly) {
      const query = buildWireQuery(name, type, { recursionDesired, edns });
      const onSend = (): void => options.onSend?.({ server, name: query.name, type, via: 'udp' });
      const response = await udpExchange(address, query, signal, { retransmitMs, onSend });
      if (!response.truncated) return { response, via: 'udp' };
      udpTruncated = true;
    }
    const query = buildWireQuery(name, type, { recursionDesired, edns });
    options.onSend?.({ server, name: query.name, type, via: 'tcp' });
    const response = await tcpExchange(address, query, signal);
    if (udpTruncated && looksEmpty(response))
      throw new TruncatedAnswerError(EMPTY_AFTER_TRUNCATION);
    return { response, via: 'tcp' };
  }

  return queryTransport(server, options.timeoutMs, async (name, type, deadline) => {
    const result = await exchange(name, type, deadline, true);
    // A server too old for EDNS0 answers FORMERR: ask once more the RFC 1035 way.
    return result.response.rcode === 'FORMERR' ? exchange(name, type, deadline, false) : result;
  });
}
