import { spf } from 'mailauth/lib/spf/index.js';
import type { SpfEvaluation } from '../../shared/checks/observations';
import type { DnsResult, QueryType } from '../dns/types';
import { mailauthResolver } from '../dns/node-style-resolver';

const RESULTS = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror']);

/**
 * Evaluate SPF (RFC 7208, by mailauth) for one server IP sending as postmaster@domain from the
 * mail host, with DNS answered by the run's views. Never throws: an evaluation that breaks is a
 * temperror with the reason.
 */
export async function evaluateSpfFor(
  ip: string,
  domain: string,
  mailHost: string,
  ask: (name: string, type: QueryType) => Promise<DnsResult>,
  via: string,
  timeoutMs: number,
): Promise<SpfEvaluation & { lookups?: { count: number; void: number } }> {
  try {
    const res = await spf({
      sender: `postmaster@${domain}`,
      ip,
      helo: mailHost,
      mta: 'mailwright.invalid',
      resolver: mailauthResolver({
        id: 'published',
        kind: 'authoritative',
        label: via,
        query: (name, type) => ask(name, type),
      }),
      maxElapsedTime: timeoutMs,
    });
    const status = String(res.status.result ?? 'temperror').toLowerCase();
    const result = (RESULTS.has(status) ? status : 'temperror') as SpfEvaluation['result'];
    const comment = (res.status as { comment?: string }).comment;
    const out: SpfEvaluation & { lookups?: { count: number; void: number } } = { ip, result, via };
    if (comment) out.explanation = comment;
    if (res.lookups) out.lookups = { count: res.lookups.count, void: res.lookups.void };
    return out;
  } catch (e) {
    return { ip, result: 'temperror', explanation: (e as Error).message, via };
  }
}
