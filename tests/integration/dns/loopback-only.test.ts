import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback } from '../../../main/dns/loopback';
import { createViews } from '../../../main/dns/views';
import { startKnot } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { destinations } from '../../peers/socket-spy';
import { startUnbound } from '../../peers/unbound';
import { txtData, zoneText } from '../../peers/zone-fixtures';
import type { KnotPeer } from '../../peers/knot';
import type { UnboundPeer } from '../../peers/unbound';
import type { QueryType } from '../../../main/dns/types';

// The zone names nameservers and mail hosts outside loopback on purpose: a careless client
// would try to reach them. With --resolver and --ns-port on loopback, nothing may leave.
const zone = zoneText({
  origin: 'example.test',
  nameservers: [
    { name: 'ns1', address: '127.0.0.1' },
    { name: 'ns2', address: '203.0.113.53' },
    { name: 'ns3.elsewhere.example.', address: undefined },
  ],
  records: [
    'mail IN A 203.0.113.10',
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 ip4:203.0.113.10 include:_spf.elsewhere.example -all"',
    `big IN TXT ${txtData('x'.repeat(2000))}`,
  ],
});

let nsPort: number;
let knot: KnotPeer;
let unbound: UnboundPeer;

beforeAll(async () => {
  nsPort = await getFreePort();
  knot = await startKnot({ zones: { 'example.test': zone }, port: nsPort });
  unbound = await startUnbound({ stubs: [{ zone: 'example.test', port: nsPort }] });
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop()]);
});

describe('with resolvers and nsPort on loopback', () => {
  it('sends every packet to the configured loopback servers and nowhere else', async () => {
    const sent: string[] = [];
    const seen = await destinations(async () => {
      const views = createViews({
        resolvers: [unbound.address],
        nsPort,
        timeoutMs: 1000,
        onSend: (s) => sent.push(s.server),
      });
      const set = await views.authoritativeFor('mail.example.test');
      expect(set.zone).toBe('example.test');
      const ns2 = set.nameservers.find((n) => n.name === 'ns2.example.test');
      expect(ns2?.skipped).toEqual(['203.0.113.53']);
      const questions: [string, QueryType][] = [
        ['example.test', 'MX'],
        ['example.test', 'TXT'],
        ['mail.example.test', 'A'],
        ['mail.example.test', 'AAAA'],
        ['big.example.test', 'TXT'],
        ['10.113.0.203.in-addr.arpa', 'PTR'],
        ['_spf.elsewhere.example', 'TXT'],
      ];
      for (const [name, type] of questions) {
        await Promise.all([
          views.authoritative(name, type),
          ...views.publicViews.map((v) => v.query(name, type)),
          views.recursive.query(name, type),
        ]);
      }
      expect(views.systemView).toBeNull();
      expect(views.stats().queries).toBeGreaterThan(10);
    });
    expect(seen.length).toBeGreaterThan(10);
    const hosts = seen.map((s) => s.split(' ')[1]?.replace(/:\d+$/, '') ?? '');
    expect(hosts.filter((h) => !isLoopback(h))).toEqual([]);
    // Only the two configured servers were contacted (the resolver, and Knot on nsPort).
    const servers = new Set(sent);
    expect([...servers].sort()).toEqual([unbound.address, `127.0.0.1:${nsPort}`].sort());
    expect(seen.some((s) => s.startsWith('fetch'))).toBe(false);
    // The socket-level record did see both kinds of traffic (the big TXT went over TCP).
    expect(seen.some((s) => s.startsWith('udp 127.0.0.1'))).toBe(true);
    expect(seen.some((s) => s.startsWith('tcp 127.0.0.1'))).toBe(true);
  });
});
