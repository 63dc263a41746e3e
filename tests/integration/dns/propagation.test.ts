import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViews } from '../../../main/dns/views';
import { startKnot } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { startUnbound } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import type { KnotPeer } from '../../peers/knot';
import type { UnboundPeer } from '../../peers/unbound';
import type { DnsResult } from '../../../main/dns/types';

// Short TTLs so the test sees the cache expire: 2 s for the record, 2 s negative TTL.
const zoneWith = (records: string[]) =>
  zoneText({ origin: 'example.test', negativeTtl: 2, records });

const before = zoneWith(['mail 2 IN A 192.0.2.25']);
const after = zoneWith(['mail 2 IN A 192.0.2.99', 'new 2 IN TXT "v=spf1 -all"']);

let nsPort: number;
let knot: KnotPeer;
let unbound: UnboundPeer;

beforeAll(async () => {
  nsPort = await getFreePort();
  knot = await startKnot({ zones: { 'example.test': before }, port: nsPort });
  unbound = await startUnbound({ stubs: [{ zone: 'example.test', port: nsPort }] });
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop()]);
});

const address = (a: DnsResult | undefined) =>
  a?.records.flatMap((r) => (r.type === 'A' ? [r.address] : []));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('propagation, for real', () => {
  it('authoritative sees an edit at once; the caching resolver only after the TTL', async () => {
    const views = () => createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    // Fill Unbound's cache with the old answers (including "new" not existing).
    const first = views();
    const cachedAt = Date.now();
    expect(address(await first.publicViews[0]?.query('mail.example.test', 'A'))).toEqual([
      '192.0.2.25',
    ]);
    const missing = await first.publicViews[0]?.query('new.example.test', 'TXT');
    expect(missing?.outcome).toBe('nxdomain');
    expect(missing?.negativeTtl).toBe(2);

    await knot.setZone('example.test', after);

    // A new run: the authoritative view sees the edit; Unbound still serves its cache.
    const second = views();
    const [auth] = await second.authoritative('mail.example.test', 'A');
    expect(address(auth)).toEqual(['192.0.2.99']);
    const [authNew] = await second.authoritative('new.example.test', 'TXT');
    expect(authNew?.outcome).toBe('answer');
    const cached = await second.publicViews[0]?.query('mail.example.test', 'A');
    expect(address(cached)).toEqual(['192.0.2.25']);
    // The TTL left says when the new value will show: at most the record's 2 s.
    expect(cached?.records[0]?.ttl).toBeLessThanOrEqual(2);
    expect((await second.publicViews[0]?.query('new.example.test', 'TXT'))?.outcome).toBe(
      'nxdomain',
    );

    // After the TTL, a new run sees the new values everywhere. Unbound counts TTLs in whole
    // seconds and serves a record at TTL 0 for up to one more second: TTL + 1 s is the bound.
    await sleep(Math.max(0, 3300 - (Date.now() - cachedAt)));
    const third = views();
    expect(address(await third.publicViews[0]?.query('mail.example.test', 'A'))).toEqual([
      '192.0.2.99',
    ]);
    expect((await third.publicViews[0]?.query('new.example.test', 'TXT'))?.outcome).toBe('answer');
  });

  it('flushing the resolver shows an edit at once', async () => {
    const views = () => createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    await knot.setZone('example.test', zoneWith(['mail 300 IN A 192.0.2.30']));
    await unbound.flush('example.test'); // whatever the test above left in the cache
    expect(address(await views().publicViews[0]?.query('mail.example.test', 'A'))).toEqual([
      '192.0.2.30',
    ]);
    await knot.setZone('example.test', zoneWith(['mail 300 IN A 192.0.2.31']));
    expect(address(await views().publicViews[0]?.query('mail.example.test', 'A'))).toEqual([
      '192.0.2.30',
    ]);
    await unbound.flush('example.test');
    expect(address(await views().publicViews[0]?.query('mail.example.test', 'A'))).toEqual([
      '192.0.2.31',
    ]);
  });
});
