import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from '../../../main/dns/concurrency-limit';
import { createFailoverTransport } from '../../../main/dns/failover-transport';
import { runTransport } from '../../../main/dns/run-transport';
import type { RunContext } from '../../../main/dns/run-transport';
import type { DnsOutcome, DnsResult, DnsTransport } from '../../../main/dns/types';

function fake(server: string, outcome: DnsOutcome, delayMs = 0): DnsTransport & { calls: number } {
  const t = {
    server,
    calls: 0,
    query: async (name: string, type: DnsResult['type']): Promise<DnsResult> => {
      t.calls += 1;
      await new Promise((r) => setTimeout(r, delayMs));
      return {
        name,
        type,
        outcome,
        records: [],
        server,
        elapsedMs: delayMs,
        ...(outcome === 'timeout' && { error: `${server} silent` }),
      };
    },
  };
  return t;
}

const context = (max = 8, signal?: AbortSignal): RunContext => ({
  cache: new Map(),
  limit: createConcurrencyLimit(max),
  stats: { queries: 0, cacheHits: 0 },
  ...(signal && { signal }),
});

describe('runTransport', () => {
  it('one network query for identical questions, marked cached after the first', async () => {
    const t = fake('s', 'answer', 20);
    const run = context();
    const wrapped = runTransport(t, run);
    const answers = await Promise.all([
      wrapped.query('A.example', 'A'),
      wrapped.query('a.example.', 'A'),
      wrapped.query('a.example', 'AAAA'),
    ]);
    expect(t.calls).toBe(2);
    expect(answers.map((a) => a.cached ?? false)).toEqual([false, true, false]);
    expect(run.stats).toEqual({ queries: 2, cacheHits: 1 });
  });

  it('a caller who cancels stops waiting without cancelling the shared query', async () => {
    const t = fake('s', 'answer', 100);
    const wrapped = runTransport(t, context());
    const controller = new AbortController();
    const first = wrapped.query('a.example', 'A', controller.signal);
    const second = wrapped.query('a.example', 'A');
    controller.abort();
    expect((await first).error).toBe('The query was cancelled.');
    expect((await second).outcome).toBe('answer');
  });

  it('bounds concurrency', async () => {
    const limit = createConcurrencyLimit(2);
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limit.run(async () => {
          peak = Math.max(peak, limit.active());
          await new Promise((r) => setTimeout(r, 5));
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});

describe('createFailoverTransport', () => {
  it('moves on when a server cannot be asked, not when it answers', async () => {
    const dead = fake('dead', 'timeout');
    const nx = fake('nx', 'nxdomain');
    const never = fake('never', 'answer');
    const result = await createFailoverTransport([dead, nx, never]).query('x.example', 'A');
    expect(result.outcome).toBe('nxdomain');
    expect(never.calls).toBe(0);
  });

  it('when all fail, says why for each', async () => {
    const result = await createFailoverTransport([
      fake('a', 'timeout'),
      fake('b', 'timeout'),
    ]).query('x', 'A');
    expect(result.outcome).toBe('timeout');
    expect(result.error).toBe('a silent b silent');
  });

  it('asks the one that answered first next time (a dead resolver costs one timeout)', async () => {
    const dead = fake('dead', 'timeout', 30);
    const good = fake('good', 'answer');
    const chain = createFailoverTransport([dead, good]);
    await chain.query('a.example', 'A');
    await chain.query('b.example', 'A');
    await chain.query('c.example', 'A');
    expect(dead.calls).toBe(1);
    expect(good.calls).toBe(3);
  });

  it('with nothing to ask, says so instead of throwing', async () => {
    const result = await createFailoverTransport([]).query('x.example', 'A');
    expect(result.outcome).toBe('error');
    expect(result.error).toBe('No resolver is configured.');
  });
});
