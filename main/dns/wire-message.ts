import { randomInt } from 'node:crypto';
import { Buffer } from 'node:buffer';
import * as packet from 'dns-packet';
import { canonicalName } from './dns-names';
import { recordFromPacket } from './record-convert';
import { decodeCapped } from './wire-decode';
import type { ResponseParts } from './answer-interpret';
import type { DnsRecord, QueryType } from './types';

/** EDNS0 UDP buffer size: the DNS Flag Day 2020 value that avoids IP fragmentation. */
export const EDNS_UDP_SIZE = 1232;

/** One query, ready to send. */
export interface WireQuery {
  id: number;
  name: string;
  type: QueryType;
  bytes: Buffer;
}

/** Options for building a query. */
export interface WireQueryOptions {
  /** Ask the server to recurse (true for resolvers, false for authoritative servers). */
  recursionDesired: boolean;
  /** Add an EDNS0 OPT record (default true); turned off to retry a server that chokes on it. */
  edns?: boolean;
}

/** Build a query with a random id (so off-path answers are hard to forge). */
export function buildWireQuery(
  name: string,
  type: QueryType,
  options: WireQueryOptions,
): WireQuery {
  const id = randomInt(0, 65536);
  const bytes = packet.encode({
    type: 'query',
    id,
    flags: options.recursionDesired ? packet.RECURSION_DESIRED : 0,
    questions: [{ type, name: canonicalName(name), class: 'IN' }],
    additionals:
      options.edns === false
        ? []
        : [
            {
              type: 'OPT',
              name: '.',
              udpPayloadSize: EDNS_UDP_SIZE,
              extendedRcode: 0,
              ednsVersion: 0,
              flags: 0,
              flag_do: false,
              options: [],
            },
          ],
  });
  return { id, name: canonicalName(name), type, bytes };
}

/** A response, decoded and checked against its query. */
export interface WireResponse extends ResponseParts {
  truncated: boolean;
  authoritative: boolean;
}

/** Why a datagram is not the answer to our query. */
export class WireMismatchError extends Error {}

function records(list: packet.Answer[] | undefined): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const rr of list ?? []) {
    const converted = recordFromPacket(rr);
    if (converted) out.push(converted);
  }
  return out;
}

/**
 * Decode a response and check that it answers `query` (same id, a response, same question).
 * Throws WireMismatchError for a stray or forged packet, and a plain Error for garbage. Records
 * past the per-answer cap are counted, not decoded (wire-decode.ts).
 */
export function decodeWireResponse(bytes: Uint8Array, query: WireQuery): WireResponse {
  const decoded = decodeCapped(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    query.type,
  );
  if (decoded.id !== query.id) throw new WireMismatchError('response id does not match');
  if (!decoded.isResponse) throw new WireMismatchError('packet is not a response');
  const question = decoded.question;
  // A response may omit the question (FORMERR from some servers); if present it must match.
  if (
    question &&
    (canonicalName(question.name) !== query.name || String(question.type) !== query.type)
  ) {
    throw new WireMismatchError('response is for another question');
  }
  return {
    name: query.name,
    type: query.type,
    rcode: decoded.rcode,
    answers: records(decoded.answers),
    authorities: records(decoded.authorities),
    ...(decoded.answersOmitted > 0 && { omitted: decoded.answersOmitted }),
    truncated: decoded.truncated,
    authoritative: decoded.authoritative,
  };
}
