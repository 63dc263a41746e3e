import { spf } from 'mailauth/lib/spf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailauthResolver, nodeStyleResolver } from '../../../main/dns/node-style-resolver';
import { createViews } from '../../../main/dns/views';
import { startKnot } from '../../peers/knot';
import { startUnbound } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import type { KnotPeer } from '../../peers/knot';
import type { UnboundPeer } from '../../peers/unbound';
import type { DnsResult } from '../../../main/dns/types';

const zone = zoneText({
  origin: 'example.test',
  records: [
    'mail IN A 192.0.2.25',
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 a:mail.example.test include:_spf.example.test -all"',
    '_spf IN TXT "v=spf1 ip4:198.51.100.0/24 " "-all"',
  ],
});

let knot: KnotPeer;
let unbound: UnboundPeer;

beforeAll(async () => {
  knot = await startKnot({ zones: { 'example.test': zone } });
  unbound = await startUnbound({ stubs: [{ zone: 'example.test', port: knot.port }] });
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop()]);
});

describe('nodeStyleResolver', () => {
  it('shapes answers like dns.promises.resolve and errors with Node codes', async () => {
    const views = createViews({ resolvers: [unbound.address], timeoutMs: 1000 });
    const resolve = nodeStyleResolver(views.recursive);
    expect(await resolve('mail.example.test', 'A')).toEqual(['192.0.2.25']);
    expect(await resolve('example.test', 'MX')).toEqual([
      { exchange: 'mail.example.test', priority: 10 },
    ]);
    expect(await resolve('_spf.example.test', 'TXT')).toEqual([
      ['v=spf1 ip4:198.51.100.0/24 ', '-all'],
    ]);
    await expect(resolve('nope.example.test', 'A')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolve('mail.example.test', 'TXT')).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(resolve('example.org', 'A')).rejects.toMatchObject({ code: 'EREFUSED' });
  });

  it("lets mailauth evaluate SPF through the run's view, with every lookup as evidence", async () => {
    const views = createViews({ resolvers: [unbound.address], timeoutMs: 1000 });
    const seen: DnsResult[] = [];
    const resolver = mailauthResolver(views.recursive, { onAnswer: (a) => seen.push(a) });
    const pass = await spf({
      ip: '198.51.100.7',
      sender: 'someone@example.test',
      helo: 'mail.example.test',
      resolver,
    });
    expect(pass.status.result).toBe('pass');
    const fail = await spf({
      ip: '203.0.113.9',
      sender: 'someone@example.test',
      helo: 'mail.example.test',
      resolver,
    });
    expect(fail.status.result).toBe('fail');
    const viaA = await spf({
      ip: '192.0.2.25',
      sender: 'someone@example.test',
      helo: 'mail.example.test',
      resolver,
    });
    expect(viaA.status.result).toBe('pass');
    expect(seen.map((a) => `${a.name} ${a.type}`)).toContain('_spf.example.test TXT');
    // Three evaluations, one cache: each question went out once.
    expect(views.stats().queries).toBeLessThan(seen.length);
  });
});
