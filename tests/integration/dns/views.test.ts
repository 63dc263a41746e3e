import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViews } from '../../../main/dns/views';
import { startKnot } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { startSilentDns } from '../../peers/silent-dns';
import { startUnbound } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import type { KnotPeer } from '../../peers/knot';
import type { SilentDns } from '../../peers/silent-dns';
import type { UnboundPeer } from '../../peers/unbound';

// All nameservers share one port (the run's --ns-port) on different loopback addresses:
// 127.0.0.1 is the real Knot, 127.0.0.2 never answers, 127.0.0.3 is a second Knot with an
// older copy of one zone, so the nameservers disagree.
const zones = {
  'example.test': zoneText({
    origin: 'example.test',
    records: ['mail IN A 192.0.2.25', 'www IN CNAME mail'],
  }),
  'halfdead.test': zoneText({
    origin: 'halfdead.test',
    nameservers: [
      { name: 'ns1', address: '127.0.0.1' },
      { name: 'ns2', address: '127.0.0.2' },
    ],
    records: ['mail IN A 192.0.2.26'],
  }),
  'split.test': zoneText({
    origin: 'split.test',
    serial: 2,
    nameservers: [
      { name: 'ns1', address: '127.0.0.1' },
      { name: 'ns2', address: '127.0.0.3' },
    ],
  }),
  'faraway.test': zoneText({
    origin: 'faraway.test',
    nameservers: [
      { name: 'ns1', address: '127.0.0.1' },
      { name: 'ns2', address: '198.51.100.53' },
    ],
  }),
  'broken.test': 'garbage\n',
  // The parent of them all, like a TLD registry: names it does not delegate do not exist.
  test: zoneText({ origin: 'test' }),
};

let nsPort: number;
let knot: KnotPeer;
let stale: KnotPeer;
let unbound: UnboundPeer;
let deadNs: SilentDns;

beforeAll(async () => {
  nsPort = await getFreePort();
  knot = await startKnot({ zones, port: nsPort });
  stale = await startKnot({
    zones: { 'split.test': zones['split.test'].replace(' 2 3600', ' 1 3600') },
    port: nsPort,
    host: '127.0.0.3',
  });
  deadNs = await startSilentDns({ host: '127.0.0.2', port: nsPort });
  unbound = await startUnbound({
    stubs: Object.keys(zones).map((zone) => ({ zone, port: nsPort })),
  });
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), stale?.stop(), unbound?.stop(), deadNs?.stop()]);
});

describe('authoritative discovery', () => {
  it('finds the zone, its nameservers, and asks each directly', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    const set = await views.authoritativeFor('mail.example.test');
    expect(set.zone).toBe('example.test');
    expect(set.nameservers.map((n) => n.name).sort()).toEqual([
      'ns1.example.test',
      'ns2.example.test',
    ]);
    expect(set.nameservers.every((n) => n.answered && n.serial === 1)).toBe(true);
    expect(set.answering).toBe(2);
    expect(set.agree).toBe(true);
    expect(set.problem).toBeUndefined();
    expect(set.views.map((v) => v.kind)).toEqual(['authoritative', 'authoritative']);
    const answers = await views.authoritative('mail.example.test', 'A');
    expect(answers.map((a) => [a.outcome, a.authoritative, a.server])).toEqual([
      ['answer', true, `127.0.0.1:${nsPort}`],
      ['answer', true, `127.0.0.1:${nsPort}`],
    ]);
  });

  it('finds the zone of the apex itself and of a CNAME', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    expect((await views.authoritativeFor('example.test')).zone).toBe('example.test');
    expect((await views.authoritativeFor('www.example.test')).zone).toBe('example.test');
    expect((await views.authoritativeFor('no.such.name.example.test')).zone).toBe('example.test');
  });

  it('names a nameserver that does not answer, and still uses the one that does', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 500 });
    const started = Date.now();
    const set = await views.authoritativeFor('halfdead.test');
    expect(Date.now() - started).toBeLessThan(1500);
    const byName = Object.fromEntries(set.nameservers.map((n) => [n.name, n]));
    expect(byName['ns1.halfdead.test']?.answered).toBe(true);
    expect(byName['ns2.halfdead.test']?.answered).toBe(false);
    expect(byName['ns2.halfdead.test']?.soa?.outcome).toBe('timeout');
    expect(byName['ns2.halfdead.test']?.problem).toMatch(
      /ns2\.halfdead\.test did not answer for halfdead\.test: No answer from 127\.0\.0\.2/,
    );
    expect(set.answering).toBe(1);
    expect(set.agree).toBe(true);
    const answers = await views.authoritative('mail.halfdead.test', 'A');
    expect(answers.map((a) => a.outcome).sort()).toEqual(['answer', 'timeout']);
  });

  it('sees nameservers that disagree (different SOA serials)', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    const set = await views.authoritativeFor('split.test');
    expect(set.answering).toBe(2);
    expect(set.nameservers.map((n) => n.serial).sort()).toEqual([1, 2]);
    expect(set.agree).toBe(false);
  });

  it('in loopback-only mode skips a nameserver outside loopback, and says so', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    expect(views.loopbackOnly).toBe(true);
    const set = await views.authoritativeFor('faraway.test');
    const ns2 = set.nameservers.find((n) => n.name === 'ns2.faraway.test');
    expect(ns2?.skipped).toEqual(['198.51.100.53']);
    expect(ns2?.problem).toMatch(/may not contact/);
    expect(set.views.map((v) => v.id)).toEqual(['authoritative:ns1.faraway.test']);
  });

  it('with `within`, a name without a zone of its own is "not delegated", and the parent is not probed', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    const missing = await views.authoritativeFor('unregistered.test', undefined, {
      within: 'unregistered.test',
    });
    expect(missing.zone).toBe('test');
    expect(missing.delegated).toBe(false);
    expect(missing.views).toEqual([]);
    expect(missing.problem).toBe(
      'unregistered.test has no zone of its own: the nearest zone above it is test.',
    );
    const present = await views.authoritativeFor('mail.example.test', undefined, {
      within: 'example.test',
    });
    expect(present.delegated).toBe(true);
    expect(present.zone).toBe('example.test');
  });

  it('reports a zone whose nameservers fail (SERVFAIL) as a problem, not a zone', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    const set = await views.authoritativeFor('mail.broken.test');
    expect(set.zone).toBeUndefined();
    expect(set.views).toEqual([]);
    expect(set.problem).toMatch(/Could not find the zone of mail\.broken\.test: .*SERVFAIL/);
  });

  it('a resolver that times out ends discovery with the reason, within the timeout', async () => {
    const silent = await startSilentDns();
    try {
      const views = createViews({ resolvers: [silent.address], nsPort, timeoutMs: 300 });
      const started = Date.now();
      const set = await views.authoritativeFor('example.test');
      expect(Date.now() - started).toBeLessThan(800);
      expect(set.zone).toBeUndefined();
      expect(set.walk[0]?.outcome).toBe('timeout');
      expect(set.problem).toMatch(/No answer from 127\.0\.0\.1:\d+ within 300 ms/);
    } finally {
      await silent.stop();
    }
  });
});

describe('views of one run', () => {
  it('with resolvers: one public view per resolver, no system view', () => {
    const views = createViews({
      resolvers: [unbound.address, '127.0.0.1:1'],
      nsPort,
      timeoutMs: 1000,
    });
    expect(views.systemView).toBeNull();
    expect(views.publicViews.map((v) => [v.id, v.kind])).toEqual([
      [`resolver:${unbound.address}`, 'public'],
      ['resolver:127.0.0.1:1', 'public'],
    ]);
    expect(views.recursive.id).toBe(`resolver:${unbound.address}`);
  });

  it('sends one packet for identical queries, in flight or done, and counts them', async () => {
    const views = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    const view = views.publicViews[0]!;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => view.query('mail.example.test', 'A')),
    );
    expect(answers.every((a) => a.outcome === 'answer')).toBe(true);
    await view.query('MAIL.example.test.', 'A');
    expect(views.stats()).toEqual({ queries: 1, cacheHits: 5 });
    // A new run asks again.
    const next = createViews({ resolvers: [unbound.address], nsPort, timeoutMs: 1000 });
    await next.publicViews[0]!.query('mail.example.test', 'A');
    expect(next.stats().queries).toBe(1);
  });

  it('cancelling the run ends every query at once', async () => {
    const silent = await startSilentDns();
    try {
      const controller = new AbortController();
      const views = createViews({
        resolvers: [silent.address],
        timeoutMs: 10_000,
        signal: controller.signal,
      });
      const pending = Promise.all([
        views.recursive.query('a.example.test', 'A'),
        views.authoritativeFor('b.example.test'),
      ]);
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const [answer, set] = await pending;
      expect(Date.now() - started).toBeLessThan(1000);
      expect(answer.error).toBe('The query was cancelled.');
      expect(set.zone).toBeUndefined();
    } finally {
      await silent.stop();
    }
  });

  it('bounds the queries in flight', async () => {
    const silent = await startSilentDns();
    try {
      const views = createViews({ resolvers: [silent.address], timeoutMs: 300, concurrency: 2 });
      const started = Date.now();
      await Promise.all(
        ['a', 'b', 'c', 'd'].map((l) => views.recursive.query(`${l}.example.test`, 'A')),
      );
      // Four timeouts of 300 ms, two at a time: two rounds.
      expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    } finally {
      await silent.stop();
    }
  });
});
