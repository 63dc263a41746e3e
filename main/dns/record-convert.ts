import type { Answer } from 'dns-packet';
import { canonicalName } from './dns-names';
import { txtStringText } from './txt-text';
import type { DnsRecord } from './types';

function txtStrings(data: unknown): string[] {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((part: unknown) =>
    typeof part === 'string' ? part : txtStringText(part as Uint8Array),
  );
}

/**
 * Convert one dns-packet resource record to this layer's DnsRecord; undefined for types the
 * probes never ask for (RRSIG, OPT...), which are dropped rather than guessed at.
 */
export function recordFromPacket(rr: Answer): DnsRecord | undefined {
  const name = canonicalName(rr.name);
  const ttl = 'ttl' in rr && typeof rr.ttl === 'number' ? rr.ttl : 0;
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return { type: rr.type, name, ttl, address: rr.data };
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return { type: rr.type, name, ttl, target: canonicalName(rr.data) };
    case 'MX':
      return {
        type: 'MX',
        name,
        ttl,
        preference: rr.data.preference ?? 0,
        exchange: canonicalName(rr.data.exchange),
      };
    case 'TXT':
      return { type: 'TXT', name, ttl, strings: txtStrings(rr.data) };
    case 'SOA':
      return {
        type: 'SOA',
        name,
        ttl,
        mname: canonicalName(rr.data.mname),
        rname: canonicalName(rr.data.rname),
        serial: rr.data.serial ?? 0,
        minimum: rr.data.minimum ?? 0,
      };
    default:
      return undefined;
  }
}
