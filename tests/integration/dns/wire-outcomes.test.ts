import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWireTransport } from '../../../main/dns/wire-transport';
import { startKnot } from '../../peers/knot';
import { startSilentDns } from '../../peers/silent-dns';
import { getFreePort } from '../../peers/ports';
import { startUnbound } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import type { KnotPeer } from '../../peers/knot';
import type { SilentDns } from '../../peers/silent-dns';
import type { UnboundPeer } from '../../peers/unbound';
import type { DnsRecord, SentQuery } from '../../../main/dns/types';

const run = promisify(execFile);

// A 2048-bit DKIM key record is 410 characters: it must come back as the same two strings.
const DKIM_FIRST = `v=DKIM1; k=rsa; p=${'A'.repeat(237)}`;
const DKIM_REST = 'B'.repeat(155);
// More than 1232 bytes of TXT: the UDP answer is truncated and the client must retry over TCP.
const BIG_TXT = Array.from({ length: 8 }, (_, i) => `${i}`.repeat(250));

const zone = zoneText({
  origin: 'example.test',
  negativeTtl: 42,
  records: [
    'mail IN A 192.0.2.25',
    'mail IN AAAA 2001:db8::25',
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 ip4:192.0.2.25 -all"',
    `mail._domainkey IN TXT ( "${DKIM_FIRST}" "${DKIM_REST}" )`,
    `big IN TXT ( ${BIG_TXT.map((s) => `"${s}"`).join(' ')} )`,
    'quoted IN TXT "\\"v=spf1 -all\\""',
    'bytes IN TXT "caf\\195\\169 \\255"',
    'www IN CNAME web',
    'web IN CNAME mail',
    'away IN CNAME mail.elsewhere.test.',
    'sub IN NS ns.elsewhere.test.',
  ],
});

let knot: KnotPeer;
let unbound: UnboundPeer;
let silent: SilentDns;
let sent: SentQuery[] = [];

const auth = (timeoutMs = 2000) =>
  createWireTransport({
    server: knot.address,
    timeoutMs,
    recursionDesired: false,
    onSend: (s) => sent.push(s),
  });

beforeAll(async () => {
  knot = await startKnot({
    zones: { 'example.test': zone, 'broken.test': 'this is not a zone file {\n' },
  });
  unbound = await startUnbound({
    stubs: [
      { zone: 'example.test', port: knot.port },
      { zone: 'broken.test', port: knot.port },
    ],
  });
  silent = await startSilentDns();
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop(), silent?.stop()]);
});

function strings(records: DnsRecord[]): string[][] {
  return records.flatMap((r) => (r.type === 'TXT' ? [r.strings] : []));
}

describe('wire client against Knot (authoritative)', () => {
  it('answers with records, TTLs and the AA flag', async () => {
    const a = await auth().query('mail.example.test', 'A');
    expect(a.outcome).toBe('answer');
    expect(a.authoritative).toBe(true);
    expect(a.records).toEqual([
      { type: 'A', name: 'mail.example.test', ttl: 300, address: '192.0.2.25' },
    ]);
    const mx = await auth().query('example.test', 'MX');
    expect(mx.records).toEqual([
      { type: 'MX', name: 'example.test', ttl: 300, preference: 10, exchange: 'mail.example.test' },
    ]);
  });

  it('tells no-data from a name that does not exist, with the negative TTL from the SOA', async () => {
    const nodata = await auth().query('mail.example.test', 'TXT');
    expect(nodata.outcome).toBe('nodata');
    expect(nodata.negativeTtl).toBe(42);
    const nx = await auth().query('nope.example.test', 'A');
    expect(nx.outcome).toBe('nxdomain');
    expect(nx.negativeTtl).toBe(42);
    expect(nx.authoritySoa?.name).toBe('example.test');
  });

  it('keeps TXT character-string boundaries and bytes exactly', async () => {
    const dkim = await auth().query('mail._domainkey.example.test', 'TXT');
    expect(strings(dkim.records)).toEqual([[DKIM_FIRST, DKIM_REST]]);
    const quoted = await auth().query('quoted.example.test', 'TXT');
    expect(strings(quoted.records)).toEqual([['"v=spf1 -all"']]);
    const bytes = await auth().query('bytes.example.test', 'TXT');
    // Not valid UTF-8 (a lone 0xFF): every byte kept one-to-one.
    expect(strings(bytes.records)).toEqual([['caf\u00c3\u00a9 \u00ff']]);
  });

  it('falls back to TCP when the UDP answer is truncated', async () => {
    sent = [];
    const big = await auth().query('big.example.test', 'TXT');
    expect(big.outcome).toBe('answer');
    expect(big.via).toBe('tcp');
    expect(strings(big.records)).toEqual([BIG_TXT]);
    expect(sent.map((s) => s.via)).toEqual(['udp', 'tcp']);
  });

  it('follows a CNAME chain inside the answer, in order', async () => {
    const a = await auth().query('www.example.test', 'A');
    expect(a.outcome).toBe('answer');
    expect(a.records.map((r) => `${r.type} ${r.name}`)).toEqual([
      'CNAME www.example.test',
      'CNAME web.example.test',
      'A mail.example.test',
    ]);
    const away = await auth().query('away.example.test', 'A');
    expect(away.outcome).toBe('nodata');
    expect(away.records).toEqual([
      { type: 'CNAME', name: 'away.example.test', ttl: 300, target: 'mail.elsewhere.test' },
    ]);
  });

  it('reports SERVFAIL for a zone Knot could not load, REFUSED for a zone it does not serve', async () => {
    const broken = await auth().query('broken.test', 'SOA');
    expect(broken.outcome).toBe('servfail');
    expect(broken.error).toMatch(/SERVFAIL/);
    const other = await auth().query('example.org', 'A');
    expect(other.outcome).toBe('refused');
  });

  it('a referral to a delegated subzone is not "no data"', async () => {
    const referral = await auth().query('www.sub.example.test', 'A');
    expect(referral.outcome).toBe('error');
    expect(referral.authoritative).toBe(false);
    expect(referral.error).toMatch(/refers to ns\.elsewhere\.test/);
  });

  it('agrees with kdig on the same questions', async () => {
    const { stdout } = await run('kdig', [
      '@127.0.0.1',
      '-p',
      String(knot.port),
      '+short',
      'mail._domainkey.example.test',
      'TXT',
    ]);
    // kdig prints each character-string quoted, separated by a space.
    const kdigStrings = [...stdout.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    const ours = await auth().query('mail._domainkey.example.test', 'TXT');
    expect(strings(ours.records)).toEqual([kdigStrings]);
    const { stdout: aaaa } = await run('kdig', [
      '@127.0.0.1',
      '-p',
      String(knot.port),
      '+short',
      'mail.example.test',
      'AAAA',
    ]);
    const mine = await auth().query('mail.example.test', 'AAAA');
    expect(mine.records.map((r) => (r.type === 'AAAA' ? r.address : ''))).toEqual([aaaa.trim()]);
  });
});

describe('wire client over IPv6 loopback', () => {
  it('asks [::1]:port like 127.0.0.1:port', async () => {
    const v6 = await startKnot({ zones: { 'example.test': zone }, ipv6: true });
    try {
      const t = createWireTransport({
        server: `[::1]:${v6.port}`,
        timeoutMs: 2000,
        recursionDesired: false,
      });
      expect(t.server).toBe(`[::1]:${v6.port}`);
      const [small, big] = await Promise.all([
        t.query('mail.example.test', 'AAAA'),
        t.query('big.example.test', 'TXT'),
      ]);
      expect(small.records).toMatchObject([{ address: '2001:db8::25' }]);
      expect(big.via).toBe('tcp');
    } finally {
      await v6.stop();
    }
  });
});

describe('wire client through Unbound (recursive)', () => {
  it('answers through the stub, not authoritative, with the same TXT strings', async () => {
    const t = createWireTransport({ server: unbound.address, timeoutMs: 2000 });
    const dkim = await t.query('mail._domainkey.example.test', 'TXT');
    expect(dkim.outcome).toBe('answer');
    expect(dkim.authoritative).toBe(false);
    expect(strings(dkim.records)).toEqual([[DKIM_FIRST, DKIM_REST]]);
    const big = await t.query('big.example.test', 'TXT');
    expect(big.via).toBe('tcp');
    expect(strings(big.records)).toEqual([BIG_TXT]);
  });

  it('keeps nxdomain, nodata, SERVFAIL and REFUSED apart', async () => {
    const t = createWireTransport({ server: unbound.address, timeoutMs: 3000 });
    const [nx, nodata, servfail, refused] = await Promise.all([
      t.query('nope.example.test', 'A'),
      t.query('mail.example.test', 'TXT'),
      t.query('broken.test', 'A'),
      t.query('example.org', 'A'),
    ]);
    expect(nx.outcome).toBe('nxdomain');
    expect(nx.negativeTtl).toBe(42);
    expect(nodata.outcome).toBe('nodata');
    expect(servfail.outcome).toBe('servfail');
    expect(refused.outcome).toBe('refused');
  });
});

describe('servers that do not answer', () => {
  it('a silent server ends in timeout within the budget', async () => {
    const t = createWireTransport({ server: silent.address, timeoutMs: 400 });
    const started = Date.now();
    const answer = await t.query('example.test', 'A');
    const elapsed = Date.now() - started;
    expect(answer.outcome).toBe('timeout');
    expect(answer.error).toMatch(/No answer from 127\.0\.0\.1:\d+ within 400 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(900);
    // It retransmitted within the budget (lost packets happen on real networks).
    expect(silent.received()).toBeGreaterThanOrEqual(2);
  });

  it('a closed port is an error at once, not a timeout', async () => {
    const port = await getFreePort();
    const t = createWireTransport({ server: `127.0.0.1:${port}`, timeoutMs: 2000 });
    const started = Date.now();
    const answer = await t.query('example.test', 'A');
    expect(answer.outcome).toBe('error');
    expect(answer.error).toMatch(/connection refused/);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('a cancelled query ends at once with the reason', async () => {
    const t = createWireTransport({ server: silent.address, timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const answer = await t.query('example.test', 'A', controller.signal);
    expect(answer.outcome).toBe('error');
    expect(answer.error).toBe('The query was cancelled.');
    expect(Date.now() - started).toBeLessThan(500);
  });
});
