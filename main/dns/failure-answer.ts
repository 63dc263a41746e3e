import { canonicalName } from './dns-names';
import type { DnsResult, QueryType } from './types';

/** Context of a query that did not get a usable answer. */
export interface FailureContext {
  name: string;
  type: QueryType;
  server: string;
  startedAt: number;
  timeoutMs: number;
  /** The caller's signal: when it fired, the query was cancelled, not timed out. */
  signal?: AbortSignal;
  timedOut: boolean;
}

/**
 * The server said there is more than what arrived (TC still set over TCP or DoH, or an empty
 * answer after "too long for UDP"): the answer exists but could not be read whole.
 */
export class TruncatedAnswerError extends Error {}

/** The reason given for a query its caller cancelled. */
export const CANCELLED_REASON = 'The query was cancelled.';

const ERRNO_WORDS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there (connection refused)',
  ENETUNREACH: 'this computer has no route to it (network unreachable)',
  EHOSTUNREACH: 'this computer has no route to it (host unreachable)',
  ECONNRESET: 'the connection was reset',
  EADDRNOTAVAIL: 'this computer has no address to send from (address not available)',
  EAFNOSUPPORT: 'this computer cannot use that address family (no IPv6?)',
};

/** A plain-language reason for a network error. */
export function describeNetworkError(err: unknown): string {
  // fetch() wraps socket errors: the errno code sits on `cause`.
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  if (typeof code === 'string' && ERRNO_WORDS[code]) return ERRNO_WORDS[code];
  return err instanceof Error ? err.message : String(err);
}

/**
 * The answer for a query that could not be made: "timeout" when the deadline passed, "error"
 * (cancelled, refused connection, malformed answer...) otherwise, with the reason.
 */
export function failureAnswer(ctx: FailureContext, err: unknown): DnsResult {
  const base = {
    name: canonicalName(ctx.name),
    type: ctx.type,
    records: [],
    server: ctx.server,
    elapsedMs: Date.now() - ctx.startedAt,
  };
  if (ctx.timedOut) {
    return {
      ...base,
      outcome: 'timeout',
      error: `No answer from ${ctx.server} within ${ctx.timeoutMs} ms.`,
    };
  }
  if (ctx.signal?.aborted) {
    return { ...base, outcome: 'error', error: CANCELLED_REASON };
  }
  return {
    ...base,
    outcome: 'error',
    error: `Could not ask ${ctx.server}: ${describeNetworkError(err)}.`,
    ...(err instanceof TruncatedAnswerError && { unreadable: true }),
  };
}
