import { spf } from 'mailauth/lib/spf/index.js';
import type { SpfResolver } from './spf-resolver';

/**
 * SPF evaluation (RFC 7208 check_host) by mailauth, with the resolver injected so the checker
 * can run it against any DNS view and tests against fixed data. Answers "would a receiver
 * accept mail from this IP for this domain?" for spf.authorizes and spf.helo.
 */

/** RFC 7208 results. */
export type SpfResult =
  'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/** What to evaluate. */
export interface SpfQuestion {
  /** The connecting client's address. */
  ip: string;
  /** The MAIL FROM address ("user@example.com"); empty or absent means a bounce: the HELO name is checked. */
  sender?: string;
  /** The name the client gave in HELO/EHLO. */
  helo?: string;
  resolver: SpfResolver;
  /** Give up after this long: temperror (RFC 7208 section 4.6.4 suggests at least 20 s). Default 20 000. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Follow RFC 7208 exactly instead of mailauth's lenient default. Default true: a checker should be strict. */
  strict?: boolean;
  /** The explanation a receiver would use when the domain publishes none (exp=). */
  defaultExplanation?: string;
}

/** The outcome of one evaluation. */
export interface SpfEvaluation {
  result: SpfResult;
  /** mailauth's comment on the result (what matched, or the error), for the evidence. */
  detail: string;
  /** The SPF record text that was evaluated, when one was found. */
  record?: string;
  /** The domain's exp= explanation, for a fail. */
  explanation?: string;
  /** DNS lookups used (the limit is 10) and void lookups (limit 2). */
  lookups: { count: number; void: number; limit: number };
  /** Things mailauth accepted in lenient mode that strict RFC 7208 would not. */
  warnings: string[];
}

/** Evaluate SPF for one client address. Never throws: DNS problems come back as temperror. */
export async function evaluateSpf(q: SpfQuestion): Promise<SpfEvaluation> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (q.signal?.aborted) controller.abort();
  else q.signal?.addEventListener('abort', onAbort, { once: true });
  const signal = controller.signal;
  // Every query checks the signal, so a cancelled evaluation stops at its next lookup.
  const resolver: SpfResolver = (name, type) => {
    if (signal.aborted) {
      const e = new Error('The check was cancelled.') as Error & { code: string };
      e.code = 'ETIMEOUT';
      return Promise.reject(e);
    }
    return q.resolver(name, type);
  };
  try {
    const res = await spf({
      ip: q.ip,
      sender: q.sender ?? '',
      helo: q.helo ?? '',
      mta: 'mailwright',
      resolver: resolver as never,
      strict: q.strict ?? true,
      maxElapsedTime: q.timeoutMs ?? 20_000,
    });
    const r = res as typeof res & {
      rr?: string;
      explanation?: string;
      warnings?: string[];
      lookups?: { count: number; void: number; limit: number };
    };
    const status = r.status as { result: SpfResult; comment?: string };
    let explanation = r.explanation;
    if (
      status.result === 'fail' &&
      explanation === undefined &&
      q.defaultExplanation !== undefined
    ) {
      explanation = q.defaultExplanation;
    }
    return {
      result: status.result,
      detail: status.comment ?? '',
      ...(r.rr ? { record: r.rr } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
      lookups: {
        count: r.lookups?.count ?? 0,
        void: r.lookups?.void ?? 0,
        limit: r.lookups?.limit ?? 10,
      },
      warnings: r.warnings ?? [],
    };
  } catch (e) {
    return {
      result: 'temperror',
      detail: `SPF evaluation failed: ${(e as Error).message}`,
      lookups: { count: 0, void: 0, limit: 10 },
      warnings: [],
    };
  } finally {
    q.signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}
