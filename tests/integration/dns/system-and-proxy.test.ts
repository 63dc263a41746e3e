import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '../../../bench/dns-delay-proxy';
import { createNodeResolverTransport } from '../../../main/dns/node-resolver-transport';
import { createViews } from '../../../main/dns/views';
import { createWireTransport } from '../../../main/dns/wire-transport';
import { startDohEndpoint } from '../../peers/doh-endpoint';
import { startKnot } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { startSilentDns } from '../../peers/silent-dns';
import { startUnbound } from '../../peers/unbound';
import { txtData, zoneText } from '../../peers/zone-fixtures';
import type { DohEndpoint } from '../../peers/doh-endpoint';
import type { KnotPeer } from '../../peers/knot';
import type { SilentDns } from '../../peers/silent-dns';
import type { UnboundPeer } from '../../peers/unbound';

const zone = zoneText({
  origin: 'example.test',
  records: [
    'mail IN A 192.0.2.25',
    '@ IN MX 10 mail',
    `mail._domainkey IN TXT ${txtData(`v=DKIM1; p=${'K'.repeat(300)}`)}`,
    `big IN TXT ${txtData('y'.repeat(2000))}`,
  ],
});

let knot: KnotPeer;
let unbound: UnboundPeer;
let doh: DohEndpoint;
let silent: SilentDns;

beforeAll(async () => {
  knot = await startKnot({ zones: { 'example.test': zone } });
  unbound = await startUnbound({ stubs: [{ zone: 'example.test', port: knot.port }] });
  doh = await startDohEndpoint({ upstream: unbound.address });
  silent = await startSilentDns();
});

afterAll(async () => {
  await Promise.allSettled([doh?.stop(), silent?.stop(), unbound?.stop()]);
  await knot?.stop();
});

describe('the system view ("This computer")', () => {
  it('asks this computer resolvers with the wire client, keeping TXT strings and TTLs', async () => {
    const views = createViews({ systemServers: [unbound.address], doh: { endpoints: [] } });
    expect(views.systemView?.label).toBe('This computer');
    expect(views.systemView?.kind).toBe('system');
    const dkim = await views.systemView!.query('mail._domainkey.example.test', 'TXT');
    expect(dkim.via).toBe('udp');
    expect(dkim.records[0]).toMatchObject({ type: 'TXT' });
    expect(dkim.records[0]?.ttl).toBeGreaterThan(290);
    expect(dkim.records[0]?.type === 'TXT' && dkim.records[0].strings.length).toBe(2);
  });

  it('falls back to the next server, then to Node\u2019s resolver, when one cannot be asked', async () => {
    const closed = `127.0.0.1:${await getFreePort()}`;
    const views = createViews({ systemServers: [closed, unbound.address], doh: { endpoints: [] } });
    const a = await views.systemView!.query('mail.example.test', 'A');
    expect(a.outcome).toBe('answer');
    expect(a.server).toBe(unbound.address);
  });

  it('discovery uses the system view, then public DoH when the system resolver is silent', async () => {
    const views = createViews({
      systemServers: [silent.address],
      nsPort: knot.port,
      timeoutMs: 300,
      doh: { endpoints: [{ id: 'local', label: 'Local DoH', url: doh.url, format: 'json' }] },
    });
    const started = Date.now();
    const set = await views.authoritativeFor('mail.example.test');
    expect(set.zone).toBe('example.test');
    expect(set.walk[0]?.server).toBe(doh.url);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('Node resolver transport (fallback)', () => {
  it('keeps outcomes apart through c-ares error codes', async () => {
    const t = createNodeResolverTransport({ timeoutMs: 1000, servers: [unbound.address] });
    const [a, mx, nx, nodata, txt] = await Promise.all([
      t.query('mail.example.test', 'A'),
      t.query('example.test', 'MX'),
      t.query('nope.example.test', 'A'),
      t.query('mail.example.test', 'MX'),
      t.query('mail._domainkey.example.test', 'TXT'),
    ]);
    expect(a.records).toMatchObject([
      { type: 'A', name: 'mail.example.test', address: '192.0.2.25' },
    ]);
    // c-ares gives TTLs for addresses (counting down in the resolver's cache).
    expect(a.records[0]?.ttl).toBeGreaterThan(290);
    expect(mx.records).toMatchObject([{ exchange: 'mail.example.test', preference: 10 }]);
    expect(nx.outcome).toBe('nxdomain');
    expect(nodata.outcome).toBe('nodata');
    expect(txt.records[0]?.type === 'TXT' && txt.records[0].strings.length).toBe(2);
    const none = createNodeResolverTransport({ timeoutMs: 1000, servers: [] });
    expect((await none.query('example.test', 'A')).error).toMatch(/no DNS resolver/);
  });

  it('a silent server is a timeout', async () => {
    const t = createNodeResolverTransport({ timeoutMs: 300, servers: [silent.address] });
    const started = Date.now();
    expect((await t.query('example.test', 'A')).outcome).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the benchmark delay proxy', () => {
  it('adds the delay to every query, over UDP and TCP, and counts them', async () => {
    const proxy = await startDelayProxy({ upstreamPort: knot.port, delayMs: 50 });
    try {
      const t = createWireTransport({ server: proxy.address, timeoutMs: 2000 });
      let started = Date.now();
      const a = await t.query('mail.example.test', 'A');
      const udpMs = Date.now() - started;
      expect(a.outcome).toBe('answer');
      expect(udpMs).toBeGreaterThanOrEqual(49);
      expect(udpMs).toBeLessThan(150);
      started = Date.now();
      const big = await t.query('big.example.test', 'TXT');
      expect(big.via).toBe('tcp');
      // Truncated over UDP, then again over TCP: two delayed queries.
      expect(Date.now() - started).toBeGreaterThanOrEqual(98);
      expect(proxy.count()).toBe(3);
    } finally {
      await proxy.stop();
    }
  });
});
