import type { DNSResolver } from 'mailauth';
import { CANCELLED_REASON } from './failure-answer';
import type { DnsResult, DnsResultView, DnsView, QueryType } from './types';

/** An error shaped like Node's dns errors, which mailauth and other libraries read by `code`. */
export interface NodeStyleDnsError extends Error {
  code: string;
  hostname: string;
  /** The answer behind the error, for evidence. */
  answer: DnsResult;
}

/** A resolver function with the signature of dns.promises.resolve (what mailauth accepts). */
export type NodeStyleResolver = (name: string, type: string) => Promise<unknown[]>;

const ERROR_CODES: Record<string, string> = {
  nxdomain: 'ENOTFOUND',
  nodata: 'ENODATA',
  servfail: 'ESERVFAIL',
  refused: 'EREFUSED',
  timeout: 'ETIMEOUT',
};

function errorCode(answer: DnsResult): string {
  if (answer.outcome === 'answer') return 'ENODATA'; // only CNAMEs, none of the asked type
  if (answer.outcome !== 'error') return ERROR_CODES[answer.outcome] ?? 'EBADRESP';
  if (answer.error === CANCELLED_REASON) return 'ECANCELLED';
  return /connection refused/.test(answer.error ?? '') ? 'ECONNREFUSED' : 'EBADRESP';
}

const SUPPORTED = new Set<QueryType>(['A', 'AAAA', 'MX', 'TXT', 'NS', 'SOA', 'CNAME', 'PTR']);

function shape(answer: DnsResult, type: QueryType): unknown[] {
  const own = answer.records.filter((r) => r.type === type);
  return own.map((r) => {
    switch (r.type) {
      case 'A':
      case 'AAAA':
        return r.address;
      case 'MX':
        return { exchange: r.exchange, priority: r.preference };
      case 'TXT':
        return r.strings;
      case 'NS':
      case 'CNAME':
      case 'PTR':
        return r.target;
      case 'SOA':
        return {
          nsname: r.mname,
          hostmaster: r.rname,
          serial: r.serial,
          minttl: r.minimum,
        };
    }
  });
}

/**
 * Adapt a view to the dns.promises.resolve signature, so a library that resolves by itself
 * (mailauth's SPF evaluation) asks through the same view, cache and limits as everything else.
 * Outcomes become Node's error codes: ENOTFOUND, ENODATA, ESERVFAIL, EREFUSED, ETIMEOUT.
 * Every answer is also handed to `onAnswer` (evidence of what the evaluation looked up).
 */
export function nodeStyleResolver(
  view: DnsView | DnsResultView,
  options: { signal?: AbortSignal; onAnswer?: (answer: DnsResult) => void } = {},
): NodeStyleResolver {
  return async (name, rawType) => {
    const type = rawType.toUpperCase() as QueryType;
    if (!SUPPORTED.has(type)) {
      throw Object.assign(new Error(`query type ${rawType} is not supported`), {
        code: 'ENOTIMP',
        hostname: name,
      });
    }
    const answer: DnsResult = await view.query(name, type, options.signal);
    options.onAnswer?.(answer);
    if (answer.outcome === 'answer') {
      const shaped = shape(answer, type);
      if (shaped.length > 0) return shaped;
    }
    const code = errorCode(answer);
    const error = new Error(
      `${code} ${name}${answer.error ? `: ${answer.error}` : ''}`,
    ) as NodeStyleDnsError;
    error.code = code;
    error.hostname = name;
    error.answer = answer;
    throw error;
  };
}

/**
 * The same adapter typed as mailauth's DNSResolver. mailauth declares string results only but
 * reads MX answers as {exchange, priority}, exactly what dns.promises.resolve gives and this
 * adapter returns; hence the cast.
 */
export function mailauthResolver(
  view: DnsView | DnsResultView,
  options: { signal?: AbortSignal; onAnswer?: (answer: DnsResult) => void } = {},
): DNSResolver {
  return nodeStyleResolver(view, options) as DNSResolver;
}
