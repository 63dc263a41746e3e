import { createServer } from 'node:http';
import type { Server } from 'node:http';
import DohResolver from 'dns-over-http-resolver';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDohJsonTransport } from '../../../main/dns/doh-json-transport';
import { createDohWireTransport } from '../../../main/dns/doh-wire-transport';
import { createViews } from '../../../main/dns/views';
import { lookUpAddresses } from '../../../main/api/name-addresses';
import { startDohEndpoint } from '../../peers/doh-endpoint';
import { startKnot } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { startUnbound } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import type { DohEndpoint } from '../../peers/doh-endpoint';
import type { KnotPeer } from '../../peers/knot';
import type { UnboundPeer } from '../../peers/unbound';
import type { DnsRecord, DnsTransport } from '../../../main/dns/types';

const DKIM_FIRST = `v=DKIM1; k=rsa; p=${'M'.repeat(237)}`;
const DKIM_REST = 'Q'.repeat(155);
const BIG_TXT = Array.from({ length: 8 }, (_, i) => `${i}`.repeat(250));

const zone = zoneText({
  origin: 'example.test',
  negativeTtl: 30,
  records: [
    'mail 120 IN A 192.0.2.25',
    'mail IN AAAA 2001:db8::25',
    'www IN CNAME mail',
    `mail._domainkey IN TXT ( "${DKIM_FIRST}" "${DKIM_REST}" )`,
    'quoted IN TXT "\\"v=spf1 -all\\" it\'s"',
    `big IN TXT ( ${BIG_TXT.map((s) => `"${s}"`).join(' ')} )`,
  ],
});

let knot: KnotPeer;
let unbound: UnboundPeer;
let cloudflareLike: DohEndpoint;
let googleLike: DohEndpoint;
let hanging: Server;
let hangingUrl: string;

beforeAll(async () => {
  knot = await startKnot({ zones: { 'example.test': zone, 'broken.test': 'garbage\n' } });
  unbound = await startUnbound({
    stubs: [
      { zone: 'example.test', port: knot.port },
      { zone: 'broken.test', port: knot.port },
    ],
  });
  cloudflareLike = await startDohEndpoint({ upstream: unbound.address, txtStyle: 'quoted' });
  googleLike = await startDohEndpoint({ upstream: unbound.address, txtStyle: 'joined' });
  // Accepts the request and never answers: a DoH server that hangs.
  hanging = createServer(() => undefined);
  const port = await getFreePort();
  await new Promise<void>((resolve) => hanging.listen(port, '127.0.0.1', () => resolve()));
  hangingUrl = `http://127.0.0.1:${port}/dns-query`;
});

afterAll(async () => {
  hanging?.closeAllConnections();
  hanging?.close();
  await Promise.allSettled([cloudflareLike?.stop(), googleLike?.stop(), unbound?.stop()]);
  await knot?.stop();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function txt(records: DnsRecord[]): string[][] {
  return records.flatMap((r) => (r.type === 'TXT' ? [r.strings] : []));
}

const flavours: [string, () => DnsTransport][] = [
  ['JSON', () => createDohJsonTransport({ url: cloudflareLike.url, timeoutMs: 2000 })],
  ['RFC 8484', () => createDohWireTransport({ url: cloudflareLike.url, timeoutMs: 2000 })],
];

describe.each(flavours)('DoH %s client', (_flavour, make) => {
  it('answers with TTLs and follows CNAMEs', async () => {
    const a = await make().query('www.example.test', 'A');
    expect(a.outcome).toBe('answer');
    expect(a.records[0]).toMatchObject({ type: 'CNAME', target: 'mail.example.test' });
    expect(a.records[1]).toMatchObject({ type: 'A', address: '192.0.2.25' });
    expect(a.records[1]?.ttl).toBeLessThanOrEqual(120);
    expect(a.records[1]?.ttl).toBeGreaterThan(100);
  });

  it('keeps nxdomain, nodata, SERVFAIL and REFUSED apart, with the negative TTL', async () => {
    const t = make();
    const [nx, nodata, servfail, refused] = await Promise.all([
      t.query('nope.example.test', 'AAAA'),
      t.query('www.example.test', 'MX'),
      t.query('broken.test', 'TXT'),
      t.query('example.org', 'A'),
    ]);
    expect(nx.outcome).toBe('nxdomain');
    expect(nx.negativeTtl).toBeLessThanOrEqual(30);
    expect(nodata.outcome).toBe('nodata');
    expect(servfail.outcome).toBe('servfail');
    expect(refused.outcome).toBe('refused');
  });

  it('keeps TXT strings, quotes and apostrophes exactly', async () => {
    const t = make();
    const dkim = await t.query('mail._domainkey.example.test', 'TXT');
    expect(txt(dkim.records)).toEqual([[DKIM_FIRST, DKIM_REST]]);
    const quoted = await t.query('quoted.example.test', 'TXT');
    expect(txt(quoted.records)).toEqual([['"v=spf1 -all" it\'s']]);
    const big = await t.query('big.example.test', 'TXT');
    expect(txt(big.records)).toEqual([BIG_TXT]);
  });
});

describe("the wizard's address look-up through dns-over-http-resolver", () => {
  const json = (url: string) => ({
    doh: { endpoints: [{ id: 'local', label: 'Local DoH', url, format: 'json' as const }] },
  });

  it('answers through the library even when the plain resolver is down', async () => {
    const resolve4 = vi.spyOn(DohResolver.prototype, 'resolve4');
    const resolve6 = vi.spyOn(DohResolver.prototype, 'resolve6');
    const r = await lookUpAddresses('mail.example.test', {
      resolvers: ['127.0.0.1:9'],
      timeoutMs: 2000,
      ...json(cloudflareLike.url),
    });
    expect(r).toEqual({ ipv4: ['192.0.2.25'], ipv6: ['2001:db8::25'], problem: null });
    expect(resolve4).toHaveBeenCalledWith('mail.example.test');
    expect(resolve6).toHaveBeenCalledWith('mail.example.test');
  });

  it('gives the addresses behind a CNAME, not the name it points to', async () => {
    const r = await lookUpAddresses('www.example.test', {
      resolvers: ['127.0.0.1:9'],
      timeoutMs: 2000,
      ...json(cloudflareLike.url),
    });
    expect(r.ipv4).toEqual(['192.0.2.25']);
  });

  it('where the library cannot tell why (no such name), the app asks its own client', async () => {
    const missing = await lookUpAddresses('nope.example.test', {
      resolvers: [unbound.address],
      timeoutMs: 2000,
      ...json(cloudflareLike.url),
    });
    expect(missing.problem).toContain('nope.example.test has no address yet');
    const unreachable = await lookUpAddresses('nope.example.test', {
      resolvers: ['127.0.0.1:9'],
      timeoutMs: 1000,
      ...json(cloudflareLike.url),
    });
    expect(unreachable.problem).toMatch(/^We could not look up nope\.example\.test: .*refused/);
  });

  it('a DoH endpoint that hangs is cancelled within the timeout', async () => {
    const started = Date.now();
    const r = await lookUpAddresses('mail.example.test', {
      resolvers: [unbound.address],
      timeoutMs: 300,
      ...json(hangingUrl),
    });
    expect(r.ipv4).toEqual(['192.0.2.25']);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('DoH client choices', () => {
  it('JSON: the views read A/AAAA themselves and keep the outcome the library would lose', async () => {
    const library = vi.spyOn(DohResolver.prototype, 'resolve4');
    const t = createDohJsonTransport({ url: cloudflareLike.url, timeoutMs: 2000 });
    const [a, aaaa, nx] = await Promise.all([
      t.query('mail.example.test', 'A'),
      t.query('mail.example.test', 'AAAA'),
      t.query('nope.example.test', 'A'),
    ]);
    expect(a.records).toMatchObject([{ address: '192.0.2.25' }]);
    // The TTL is kept, in seconds (Unbound counts it down from the zone's 120).
    const ttl = a.records[0]?.ttl ?? 0;
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120);
    expect(aaaa.records).toMatchObject([{ address: '2001:db8::25' }]);
    expect(nx.outcome).toBe('nxdomain');
    expect(library).not.toHaveBeenCalled();
  });

  it('JSON from a server that joins TXT strings (Google style) gives the joined text', async () => {
    const t = createDohJsonTransport({ url: googleLike.url, timeoutMs: 2000 });
    const dkim = await t.query('mail._domainkey.example.test', 'TXT');
    expect(txt(dkim.records)).toEqual([[DKIM_FIRST + DKIM_REST]]);
  });

  it('an endpoint that is down is an error at once', async () => {
    const url = `http://127.0.0.1:${await getFreePort()}/dns-query`;
    for (const t of [
      createDohJsonTransport({ url, timeoutMs: 2000 }),
      createDohWireTransport({ url, timeoutMs: 2000 }),
    ]) {
      const started = Date.now();
      const answer = await t.query('mail.example.test', 'A');
      expect(answer.outcome).toBe('error');
      expect(answer.error).toMatch(/connection refused/);
      expect(Date.now() - started).toBeLessThan(500);
    }
  });

  it('an endpoint that hangs ends in timeout within the budget', async () => {
    for (const t of [
      createDohJsonTransport({ url: hangingUrl, timeoutMs: 300 }),
      createDohWireTransport({ url: hangingUrl, timeoutMs: 300 }),
    ]) {
      const started = Date.now();
      const answer = await t.query('mail.example.test', 'TXT');
      expect(answer.outcome).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(800);
    }
  });

  it('an HTTP error is an error that says so', async () => {
    const url = cloudflareLike.url.replace('/dns-query', '/nothing-here');
    const answer = await createDohWireTransport({ url, timeoutMs: 1000 }).query(
      'mail.example.test',
      'A',
    );
    expect(answer.outcome).toBe('error');
    expect(answer.error).toMatch(/HTTP 404/);
  });

  it('public views over DoH are told apart, one per endpoint', async () => {
    const views = createViews({
      timeoutMs: 1000,
      systemServers: [unbound.address],
      doh: {
        endpoints: [
          { id: 'cf', label: 'Cloudflare-like', url: cloudflareLike.url, format: 'json' },
          {
            id: 'dead',
            label: 'Down',
            url: `http://127.0.0.1:${await getFreePort()}/dns-query`,
            format: 'wire',
          },
        ],
      },
    });
    const answers = await Promise.all(
      views.publicViews.map((v) => v.query('mail.example.test', 'A')),
    );
    expect(answers.map((a, i) => [views.publicViews[i]?.id, a.outcome])).toEqual([
      ['public:cf', 'answer'],
      ['public:dead', 'error'],
    ]);
  });
});
