/** A signal that fires on the caller's abort or when the time is up, and says which. */
export interface Deadline {
  signal: AbortSignal;
  /** True once the time ran out (as opposed to the caller cancelling). */
  timedOut(): boolean;
  /** Milliseconds left before the deadline (never negative). */
  remainingMs(): number;
  /** Stop the timer; call when the work is done so nothing keeps the process alive. */
  dispose(): void;
}

/**
 * Start a deadline of `timeoutMs`, tied to an optional outer signal. Every network operation in
 * this layer runs under one, so nothing can wait forever.
 */
export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  const endsAt = Date.now() + timeoutMs;
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    remainingMs: () => Math.max(0, endsAt - Date.now()),
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}
