import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWireTransport } from '../../../main/dns/wire-transport';
import { evaluateSpf } from '../../../main/spf/spf-evaluate';
import { spfResolverFromDns } from '../../../main/spf/spf-resolver';
import { planSchema } from '../../../shared/model/plan';
import { planRecords } from '../../../shared/records/plan-records';
import { renderZone } from '../../../shared/records/zone-render';
import { startKnot, type KnotPeer } from '../../peers/knot';

/**
 * End to end on a real authoritative server: the planner's records, rendered as a zone file,
 * served by Knot on loopback, and evaluated by main/spf (mailauth) through the project's wire
 * DNS client. What a receiver would conclude for the planned server and for a stranger.
 */

let knot: KnotPeer;
const longInclude = `v=spf1 ${Array.from({ length: 20 }, (_, i) => `ip4:198.51.100.${i + 100}`).join(' ')} -all`;

beforeAll(async () => {
  const plan = planSchema.parse({
    domain: 'example.test',
    mailHost: 'mail.example.test',
    ipv4: ['192.0.2.25'],
    ipv6: ['2001:db8::25'],
    senders: [{ id: 'other', include: '_spf.partner.example.test' }],
  });
  const zone =
    renderZone(planRecords(plan), 'example.test', {
      soa: { primary: 'ns1.example.test', contact: 'hostmaster@example.test' },
      nameServers: ['ns1.example.test'],
    }) +
    [
      'ns1 300 IN A 127.0.0.1',
      // A sender's include, long enough to be split into two TXT strings (join must be exact).
      `_spf.partner 300 IN TXT ${longInclude
        .match(/.{1,200}/g)!
        .map((s) => `"${s}"`)
        .join(' ')}`,
      'broken 300 IN TXT "v=spf1 ip4:192.0.2.25 ~all"',
      'broken 300 IN TXT "v=spf1 mx ~all"',
    ].join('\n') +
    '\n';
  knot = await startKnot({ zones: { 'example.test': zone } });
}, 30_000);

afterAll(async () => {
  await knot?.stop();
});

const resolver = () =>
  spfResolverFromDns(
    createWireTransport({ server: knot.address, timeoutMs: 2_000, recursionDesired: false }),
  );

describe('evaluateSpf against Knot', () => {
  it('passes the planned server (IPv4 and IPv6) for the domain and for the HELO name', async () => {
    for (const ip of ['192.0.2.25', '2001:db8::25']) {
      const domain = await evaluateSpf({
        ip,
        sender: 'alice@example.test',
        helo: 'mail.example.test',
        resolver: resolver(),
      });
      expect(domain.result, ip).toBe('pass');
      expect(domain.record).toContain('~all');
      const helo = await evaluateSpf({
        ip,
        sender: '',
        helo: 'mail.example.test',
        resolver: resolver(),
      });
      expect(helo.result, `helo ${ip}`).toBe('pass');
    }
  });

  it('softfails a stranger for the domain and fails it for the HELO name', async () => {
    const r = await evaluateSpf({
      ip: '203.0.113.99',
      sender: 'alice@example.test',
      helo: 'x.example.net',
      resolver: resolver(),
    });
    expect(r.result).toBe('softfail');
    expect(r.lookups.count).toBe(1); // the include
    const helo = await evaluateSpf({
      ip: '203.0.113.99',
      sender: '',
      helo: 'mail.example.test',
      resolver: resolver(),
    });
    expect(helo.result).toBe('fail');
  });

  it('passes a sender listed in a split TXT record reached through include:', async () => {
    const r = await evaluateSpf({
      ip: '198.51.100.119',
      sender: 'news@example.test',
      resolver: resolver(),
    });
    expect(r.result).toBe('pass');
  });

  it('gives permerror for two SPF records and none for a name without one', async () => {
    expect(
      (
        await evaluateSpf({
          ip: '192.0.2.25',
          sender: 'a@broken.example.test',
          resolver: resolver(),
        })
      ).result,
    ).toBe('permerror');
    expect(
      (
        await evaluateSpf({
          ip: '192.0.2.25',
          sender: 'a@nothing.example.test',
          resolver: resolver(),
        })
      ).result,
    ).toBe('none');
  });

  it('gives temperror, not fail, when the DNS server does not answer', async () => {
    const silent = spfResolverFromDns(
      createWireTransport({ server: '127.0.0.1:9', timeoutMs: 300 }),
    );
    const r = await evaluateSpf({
      ip: '192.0.2.25',
      sender: 'a@example.test',
      resolver: silent,
      timeoutMs: 3_000,
    });
    expect(r.result).toBe('temperror');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await evaluateSpf({
      ip: '192.0.2.25',
      sender: 'a@example.test',
      resolver: resolver(),
      signal: controller.signal,
    });
    expect(r.result).toBe('temperror');
  });
});

/** pyspf (Debian python3-spf) on the same Knot, through pydns pointed at loopback only. */
function pyspf(cases: { ip: string; sender: string; helo: string }[]): Promise<string[]> {
  const script = fileURLToPath(new URL('pyspf-check.py', import.meta.url));
  const [server, port] = knot.address.split(':');
  return new Promise((resolve, reject) => {
    const child = execFile(
      '/usr/bin/python3',
      [script],
      { timeout: 30_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as string[]);
      },
    );
    child.stdin?.end(JSON.stringify({ server, port, cases }));
  });
}

const havePyspf = existsSync('/usr/lib/python3/dist-packages/spf.py');

describe('cross-check with pyspf (an independent SPF implementation)', () => {
  it.skipIf(!havePyspf)('agrees with main/spf on every case', async () => {
    const cases = [
      { ip: '192.0.2.25', sender: 'alice@example.test', helo: 'mail.example.test' },
      { ip: '2001:db8::25', sender: 'alice@example.test', helo: 'mail.example.test' },
      { ip: '203.0.113.99', sender: 'alice@example.test', helo: 'x.example.net' },
      { ip: '198.51.100.119', sender: 'news@example.test', helo: 'x.example.net' },
      { ip: '198.51.100.99', sender: 'news@example.test', helo: 'x.example.net' },
      { ip: '192.0.2.25', sender: '', helo: 'mail.example.test' },
      { ip: '203.0.113.99', sender: '', helo: 'mail.example.test' },
      { ip: '192.0.2.25', sender: 'a@broken.example.test', helo: 'x.example.net' },
      { ip: '192.0.2.25', sender: 'a@nothing.example.test', helo: 'x.example.net' },
    ];
    const theirs = await pyspf(cases);
    const ours: string[] = [];
    for (const c of cases) ours.push((await evaluateSpf({ ...c, resolver: resolver() })).result);
    console.log(
      `pyspf cross-check: ${ours.filter((r, i) => r === theirs[i]).length}/${cases.length} agree (${ours.join(', ')})`,
    );
    expect(ours).toEqual(theirs);
    expect(ours).toEqual([
      'pass',
      'pass',
      'softfail',
      'pass',
      'softfail',
      'pass',
      'fail',
      'permerror',
      'none',
    ]);
  });
});
