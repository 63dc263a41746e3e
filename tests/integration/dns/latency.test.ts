import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '../../../bench/dns-delay-proxy';
import { createViews } from '../../../main/dns/views';
import { startKnot } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { startUnbound } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import type { DelayProxy } from '../../../bench/dns-delay-proxy';
import type { KnotPeer } from '../../peers/knot';
import type { UnboundPeer } from '../../peers/unbound';

// Every query costs DELAY ms, the authoritative ones and the recursive ones alike: Knot sits
// on 127.0.0.5 behind a proxy on 127.0.0.1:nsPort (where the NS glue points), Unbound behind
// another proxy. Timings then count round trips.
// Large enough that a loaded 2-core machine's scheduling noise cannot add a round trip.
const DELAY = 300;

let knot: KnotPeer;
let unbound: UnboundPeer;
let nsProxy: DelayProxy;
let resolverProxy: DelayProxy;
let nsPort: number;

beforeAll(async () => {
  nsPort = await getFreePort();
  knot = await startKnot({
    zones: {
      'example.test': zoneText({ origin: 'example.test', records: ['mail IN A 192.0.2.25'] }),
    },
    host: '127.0.0.5',
    port: await getFreePort(),
  });
  unbound = await startUnbound({
    stubs: [{ zone: 'example.test', port: knot.port, host: '127.0.0.5' }],
  });
  nsProxy = await startDelayProxy({
    upstreamHost: '127.0.0.5',
    upstreamPort: knot.port,
    port: nsPort,
    delayMs: DELAY,
  });
  resolverProxy = await startDelayProxy({ upstreamPort: unbound.port, delayMs: DELAY });
});

afterAll(async () => {
  await Promise.allSettled([nsProxy?.stop(), resolverProxy?.stop()]);
  await Promise.allSettled([knot?.stop(), unbound?.stop()]);
});

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await work();
  return [result, Date.now() - started];
}

describe('round trips', () => {
  it('discovery takes four dependent round trips; a later name in the zone takes one', async () => {
    const views = createViews({ resolvers: [resolverProxy.address], nsPort, timeoutMs: 2000 });
    // walk (SOA) -> NS -> NS addresses -> SOA/NS of each nameserver
    const [set, discoveryMs] = await timed(() => views.authoritativeFor('example.test'));
    expect(set.answering).toBe(2);
    expect(discoveryMs).toBeGreaterThanOrEqual(4 * DELAY);
    // Fewer than five: no round trip is wasted (with room for a loaded machine).
    expect(discoveryMs).toBeLessThan(5 * DELAY);
    // The walk for the new name and the query to the known zone's servers go out together.
    const [answers, lookupMs] = await timed(() => views.authoritative('mail.example.test', 'A'));
    expect(answers.map((a) => a.outcome)).toEqual(['answer', 'answer']);
    expect(lookupMs).toBeGreaterThanOrEqual(DELAY);
    expect(lookupMs).toBeLessThan(2 * DELAY);
  });

  it('asking for authoritative answers first thing still needs no probe round trip', async () => {
    const views = createViews({ resolvers: [resolverProxy.address], nsPort, timeoutMs: 2000 });
    // walk -> NS -> addresses -> the query (the SOA/NS probe runs beside it)
    const [answers, ms] = await timed(() => views.authoritative('mail.example.test', 'A'));
    expect(answers.map((a) => a.outcome)).toEqual(['answer', 'answer']);
    expect(ms).toBeLessThan(5 * DELAY);
  });
});
