import { Buffer } from 'node:buffer';
import * as packet from 'dns-packet';
import { reply, startScriptedDns, type ScriptedDns } from './scripted-dns';

/**
 * How the hostile server misbehaves:
 * - `truncate`: every UDP answer has TC=1 and no records; over TCP the answer is again
 *   truncated (`tcp: 'truncated'`, TC=1 and no records), an empty NOERROR (`'empty'`), or the
 *   connection is closed without a word (`'close'`).
 * - `amplify`: a well-formed zone whose every answer holds `count` records: `count` MX hosts
 *   (mx0..), `count` addresses for every name, `count` PTR names, `count` SPF records (or one
 *   huge unparsable record with `hugeTxt`); `firstMx` makes the first MX that host (the mail
 *   host of the plan). SOA and NS stay normal so discovery works.
 */
export type HostileMode =
  | { kind: 'truncate'; tcp: 'truncated' | 'empty' | 'close'; soaAndNs?: boolean }
  | { kind: 'amplify'; count: number; hugeTxt?: boolean; firstMx?: string };

/** A running hostile DNS server (UDP and TCP on one loopback port). */
export interface HostileDns extends ScriptedDns {
  /** Queries received, UDP and TCP. */
  received(): number;
}

function ipv4(i: number): string {
  return `198.51.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
}

function ipv6(i: number): string {
  return `2001:db8:bad::${(i + 1).toString(16)}`;
}

/** The normal SOA/NS of the zone `zone`, nameserver ns1.<zone> at 127.0.0.1. */
function soaNs(q: packet.Question, zone: string): packet.Answer[] | undefined {
  const name = q.name.toLowerCase().replace(/\.$/, '');
  if (q.type === 'SOA' && name === zone)
    return [
      {
        type: 'SOA',
        name: zone,
        ttl: 60,
        data: {
          mname: `ns1.${zone}`,
          rname: `hostmaster.${zone}`,
          serial: 1,
          refresh: 60,
          retry: 60,
          expire: 600,
          minimum: 60,
        },
      },
    ];
  if (q.type === 'NS' && name === zone)
    return [{ type: 'NS', name: zone, ttl: 60, data: `ns1.${zone}` }];
  if (q.type === 'A' && name === `ns1.${zone}`)
    return [{ type: 'A', name, ttl: 60, data: '127.0.0.1' }];
  if (q.type === 'AAAA' && name === `ns1.${zone}`) return [];
  return undefined;
}

/** `count` records of the asked type at the asked name (all of the amplified zone's names exist). */
function amplified(
  q: packet.Question,
  count: number,
  hugeTxt: boolean,
  firstMx: string | undefined,
): packet.Answer[] {
  const name = q.name.toLowerCase().replace(/\.$/, '');
  const out: packet.Answer[] = [];
  const base = { name, ttl: 60 } as const;
  if (q.type === 'TXT' && hugeTxt) {
    // One record of 62 KB: 250 strings of 250 bytes, none of it valid SPF past the version.
    const strings = ['v=spf1 '];
    for (let i = 0; strings.join('').length < 62_000; i += 1)
      strings.push(`${'x'.repeat(240)}:${i}`);
    return [{ ...base, type: 'TXT', data: strings }];
  }
  for (let i = 0; i < count; i += 1) {
    switch (q.type) {
      case 'MX':
        out.push({
          ...base,
          type: 'MX',
          data: { preference: 10, exchange: i === 0 && firstMx ? firstMx : `mx${i}.${name}` },
        });
        break;
      case 'A':
        out.push({ ...base, type: 'A', data: ipv4(i) });
        break;
      case 'AAAA':
        out.push({ ...base, type: 'AAAA', data: ipv6(i) });
        break;
      case 'PTR':
        out.push({ ...base, type: 'PTR', data: `host${i}.amplify.test` });
        break;
      case 'TXT':
        out.push({ ...base, type: 'TXT', data: [`v=spf1 ip4:${ipv4(i)} -all`] });
        break;
      default:
        return [];
    }
  }
  return out;
}

/** Whether an encoded answer fits the client's UDP buffer (EDNS0 size, else 512). */
function fitsUdp(query: packet.DecodedPacket, bytes: Buffer): boolean {
  const opt = (query.additionals ?? []).find((rr) => rr.type === 'OPT') as
    { udpPayloadSize?: number } | undefined;
  return bytes.length <= (opt?.udpPayloadSize ?? 512);
}

/**
 * A DNS server that misbehaves in ways no real server does on demand (see HostileMode), for the
 * zone `zone` and every name under it (and reverse names, in amplify mode). Use it as resolver
 * and as the zone's nameserver (`--resolver` and `--ns-port` on its port), or behind Unbound.
 */
export async function startHostileDns(zone: string, mode: HostileMode): Promise<HostileDns> {
  let received = 0;
  const cache = new Map<string, Buffer>();
  const server = await startScriptedDns((query, via) => {
    received += 1;
    const q = query.questions?.[0];
    if (!q) return [];
    const normal = soaNs(q, zone);
    if (mode.kind === 'truncate') {
      if (normal && mode.soaAndNs) return [reply(query, normal)];
      if (via === 'udp') return [reply(query, [], { flags: packet.TRUNCATED_RESPONSE })];
      if (mode.tcp === 'close') return [];
      return [
        reply(query, [], mode.tcp === 'truncated' ? { flags: packet.TRUNCATED_RESPONSE } : {}),
      ];
    }
    // Encoding 1,000 records takes a while: encode each question once, then patch the id.
    const key = `${q.name.toLowerCase()}|${q.type}`;
    let encoded = cache.get(key);
    if (!encoded) {
      const answers = normal ?? amplified(q, mode.count, mode.hugeTxt ?? false, mode.firstMx);
      encoded = reply(query, answers);
      // A real server cuts what does not fit in UDP and sets TC; TCP then carries up to 64 KB.
      let n = answers.length;
      while (n > 0 && encoded.length > 65_535) {
        n = Math.floor(n * 0.9);
        encoded = reply(query, answers.slice(0, n));
      }
      cache.set(key, encoded);
    }
    const bytes = Buffer.from(encoded);
    bytes.writeUInt16BE(query.id ?? 0, 0);
    if (via === 'udp' && !fitsUdp(query, bytes))
      return [reply(query, [], { flags: packet.AUTHORITATIVE_ANSWER | packet.TRUNCATED_RESPONSE })];
    return [bytes];
  });
  return { ...server, received: () => received };
}
