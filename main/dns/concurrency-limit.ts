/** Runs async jobs with at most `max` at a time; the rest wait in order. */
export interface ConcurrencyLimit {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs running now. */
  active(): number;
}

/**
 * A concurrency limit for the queries of one run, so a big plan cannot open hundreds of sockets
 * at once (or trip a resolver's rate limit).
 */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running -= 1;
    waiting.shift()?.();
  };
  return {
    active: () => running,
    run: async <T>(job: () => Promise<T>): Promise<T> => {
      if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        return await job();
      } finally {
        release();
      }
    },
  };
}
