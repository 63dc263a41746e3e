import { z } from 'zod';
import { canonicalName } from './dns-names';
import { txtStringText } from './txt-text';
import type { ResponseParts } from './answer-interpret';
import type { DnsRecord, QueryType } from './types';

const rrSchema = z.object({
  name: z.string(),
  type: z.number(),
  TTL: z.number().optional(),
  data: z.string(),
});

/** Schema of the JSON DoH answer (Cloudflare's and Google's `application/dns-json`). */
export const dohJsonSchema = z.object({
  Status: z.number(),
  TC: z.boolean().optional(),
  Question: z.array(z.object({ name: z.string(), type: z.number() })).optional(),
  Answer: z.array(rrSchema).optional(),
  Authority: z.array(rrSchema).optional(),
});

/** A JSON DoH answer as it comes over the wire. */
export type DohJson = z.infer<typeof dohJsonSchema>;

const TYPE_CODES: Record<number, QueryType> = {
  1: 'A',
  2: 'NS',
  5: 'CNAME',
  6: 'SOA',
  12: 'PTR',
  15: 'MX',
  16: 'TXT',
  28: 'AAAA',
};

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

/** The response code name for a JSON DoH Status number. */
export function rcodeName(status: number): string {
  return RCODES[status] ?? `RCODE${status}`;
}

/**
 * Split TXT data as the JSON flavour writes it. Cloudflare quotes each character-string
 * (`"part1" "part2"`, with \" \\ and \DDD escapes), so boundaries and bytes survive; Google
 * writes the strings joined without quotes, so the whole text comes back as one string.
 */
export function parseJsonTxtData(data: string): string[] {
  if (!data.startsWith('"')) return [data];
  const strings: string[] = [];
  let i = 0;
  while (i < data.length) {
    while (data[i] === ' ') i += 1;
    if (i >= data.length) break;
    if (data[i] !== '"') return [data]; // not the quoted form after all: keep it whole
    i += 1;
    const bytes: number[] = [];
    while (i < data.length && data[i] !== '"') {
      if (data[i] === '\\' && /^\d{3}$/.test(data.slice(i + 1, i + 4))) {
        bytes.push(Number(data.slice(i + 1, i + 4)));
        i += 4;
      } else {
        if (data[i] === '\\') i += 1;
        bytes.push(...new TextEncoder().encode(data[i] ?? ''));
        i += 1;
      }
    }
    i += 1; // closing quote
    strings.push(txtStringText(Uint8Array.from(bytes)));
  }
  return strings;
}

function recordFromJson(rr: z.infer<typeof rrSchema>): DnsRecord | undefined {
  const type = TYPE_CODES[rr.type];
  const name = canonicalName(rr.name);
  const ttl = rr.TTL ?? 0;
  const data = rr.data.trim();
  switch (type) {
    case 'A':
    case 'AAAA':
      return { type, name, ttl, address: data };
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return { type, name, ttl, target: canonicalName(data) };
    case 'MX': {
      const [preference, exchange] = data.split(/\s+/);
      return {
        type,
        name,
        ttl,
        preference: Number(preference),
        exchange: canonicalName(exchange ?? ''),
      };
    }
    case 'TXT':
      return { type, name, ttl, strings: parseJsonTxtData(rr.data) };
    case 'SOA': {
      const [mname, rname, serial, , , , minimum] = data.split(/\s+/);
      return {
        type,
        name,
        ttl,
        mname: canonicalName(mname ?? ''),
        rname: canonicalName(rname ?? ''),
        serial: Number(serial ?? 0),
        minimum: Number(minimum ?? 0),
      };
    }
    default:
      return undefined;
  }
}

function recordsFromJson(list: DohJson['Answer']): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const rr of list ?? []) {
    const record = recordFromJson(rr);
    if (record) out.push(record);
  }
  return out;
}

/** Turn a JSON DoH answer into the parts every transport interprets the same way. */
export function responseFromJson(json: DohJson, name: string, type: QueryType): ResponseParts {
  return {
    name: canonicalName(name),
    type,
    rcode: rcodeName(json.Status),
    answers: recordsFromJson(json.Answer),
    authorities: recordsFromJson(json.Authority),
    ...(json.TC === true && { truncated: true }),
  };
}
