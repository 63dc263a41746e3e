import type { DnsAnswer, QueryType } from '../dns/types';

/**
 * The resolver mailauth's SPF evaluation calls: `(name, rrtype) => records`, throwing errors
 * with Node's DNS codes. ENOTFOUND and ENODATA count as void lookups; ETIMEOUT, EREFUSED and
 * anything else become temperror. These adapters let the evaluation run on the project's DNS
 * views (authoritative / public / system) or on a fixed table in tests.
 */

/** Record types SPF evaluation asks for. */
export type SpfQueryType = 'TXT' | 'A' | 'AAAA' | 'MX' | 'PTR';

/** What mailauth's resolver returns, per type. */
export type SpfResolverAnswer = string[][] | string[] | { exchange: string; priority: number }[];

/** A resolver in mailauth's shape. */
export type SpfResolver = (name: string, type: string) => Promise<SpfResolverAnswer>;

/** An error with a Node DNS code, as mailauth expects. */
export class SpfDnsError extends Error {
  /** The Node DNS error code (ENOTFOUND, ENODATA, ETIMEOUT, ESERVFAIL, EREFUSED). */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const CODES: Record<string, string> = {
  nxdomain: 'ENOTFOUND',
  nodata: 'ENODATA',
  timeout: 'ETIMEOUT',
  servfail: 'ESERVFAIL',
  refused: 'EREFUSED',
  error: 'ESERVFAIL',
};

/** Turn one DnsAnswer into mailauth's answer, or throw the matching SpfDnsError. */
export function answerToSpf(answer: DnsAnswer, type: SpfQueryType): SpfResolverAnswer {
  if (answer.outcome !== 'answer') {
    throw new SpfDnsError(
      CODES[answer.outcome] ?? 'ESERVFAIL',
      answer.error ?? `${answer.outcome} for ${answer.name} ${type}`,
    );
  }
  switch (type) {
    case 'TXT':
      return answer.records.flatMap((r) => (r.type === 'TXT' ? [r.strings] : []));
    case 'A':
    case 'AAAA':
      return answer.records.flatMap((r) => (r.type === type ? [r.address] : []));
    case 'MX':
      return answer.records.flatMap((r) =>
        r.type === 'MX' ? [{ exchange: r.exchange, priority: r.preference }] : [],
      );
    case 'PTR':
      return answer.records.flatMap((r) => (r.type === 'PTR' ? [r.target] : []));
  }
}

/** Something that answers DNS queries: a DnsView or a DnsTransport. */
export interface DnsQuerier {
  query(name: string, type: QueryType, signal?: AbortSignal): Promise<DnsAnswer>;
}

/**
 * A mailauth resolver on top of one of the project's DNS views or transports. `signal` cancels
 * every query the evaluation makes.
 */
export function spfResolverFromDns(dns: DnsQuerier, signal?: AbortSignal): SpfResolver {
  return async (name, type) => {
    if (signal?.aborted) throw new SpfDnsError('ETIMEOUT', 'The check was cancelled.');
    const t = type.toUpperCase();
    if (t !== 'TXT' && t !== 'A' && t !== 'AAAA' && t !== 'MX' && t !== 'PTR') {
      throw new SpfDnsError('ESERVFAIL', `SPF does not query ${type} records`);
    }
    const answer = await dns.query(name.replace(/\.$/, ''), t, signal);
    return answerToSpf(answer, t);
  };
}
