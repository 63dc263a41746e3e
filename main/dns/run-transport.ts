import { canonicalName, dnsNameProblem } from './dns-names';
import { CANCELLED_REASON } from './failure-answer';
import type { ConcurrencyLimit } from './concurrency-limit';
import type { DnsResult, DnsTransport, QueryType } from './types';

/** Counters of one run (the benchmark prints them). */
export interface QueryStats {
  /** Queries that went to the network (cache misses). */
  queries: number;
  /** Queries answered from this run's cache, including ones that joined a query in flight. */
  cacheHits: number;
}

/** What one run shares between its transports: the cache, the limit, the counters. */
export interface RunContext {
  cache: Map<string, Promise<DnsResult>>;
  limit: ConcurrencyLimit;
  stats: QueryStats;
  /** The run's own signal: cancels every query of the run. */
  signal?: AbortSignal;
}

function unanswered(
  name: string,
  type: QueryType,
  server: string,
  error = CANCELLED_REASON,
): DnsResult {
  return {
    name: canonicalName(name),
    type,
    outcome: 'error',
    records: [],
    server,
    elapsedMs: 0,
    error,
  };
}

/** Wait for `work`, or settle early with "cancelled" when `signal` fires. */
function raceSignal(
  work: Promise<DnsResult>,
  signal: AbortSignal | undefined,
  onAbort: () => DnsResult,
): Promise<DnsResult> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve(onAbort());
  return new Promise((resolve) => {
    const abort = (): void => resolve(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    void work.then((answer) => {
      signal.removeEventListener('abort', abort);
      resolve(answer);
    });
  });
}

/**
 * Wrap a transport for one run: identical queries (same server, name, type) send one packet,
 * also while the first is in flight; at most the run's limit are in flight; counted. A caller's
 * own signal only stops its wait; the shared query runs under the run's signal.
 */
export function runTransport(
  transport: DnsTransport,
  run: RunContext,
  /** What else makes two queries to the same server differ (RD flag, DoH flavour). */
  scope = '',
): DnsTransport {
  return {
    server: transport.server,
    query: (name, type, signal) => {
      const problem = dnsNameProblem(name);
      if (problem) {
        return Promise.resolve(unanswered(name, type, transport.server, `Not asked: ${problem}.`));
      }
      const key = `${transport.server}|${scope}|${canonicalName(name)}|${type}`;
      let shared = run.cache.get(key);
      if (shared) {
        run.stats.cacheHits += 1;
        const cachedAnswer = shared.then((a) => ({ ...a, cached: true }));
        return raceSignal(cachedAnswer, signal, () => unanswered(name, type, transport.server));
      }
      run.stats.queries += 1;
      shared = run.limit.run(() =>
        run.signal?.aborted
          ? Promise.resolve(unanswered(name, type, transport.server))
          : transport.query(name, type, run.signal),
      );
      run.cache.set(key, shared);
      // A cancelled answer is not an answer: the next caller asks again.
      void shared.then((a) => {
        if (a.outcome === 'error' && a.error === CANCELLED_REASON) run.cache.delete(key);
      });
      return raceSignal(shared, signal, () => unanswered(name, type, transport.server));
    },
  };
}
