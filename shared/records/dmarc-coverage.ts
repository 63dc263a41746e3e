import { dmarcTexts, policyRank } from '../checks/dmarc-applied';
import type { Plan } from '../model/plan';
import { parseDmarc } from './dmarc-parse';

/**
 * Whether a subdomain plan (news.example.com) needs a DMARC record of its own: receivers apply
 * the first record up the tree (RFC 9989's walk; RFC 7489's organizational domain) to a
 * subdomain without one, with that record's sp= (or p= when it has none). The planner, the
 * Records step, the Summary and the PDF all say what this decides. Pure.
 */

/** A parent's DMARC record as read when looking up what the domain publishes. */
export interface InheritedDmarc {
  /** The domain whose `_dmarc` name holds it (example.com for `_dmarc.example.com`). */
  at: string;
  /** The TXT texts published there (DMARC ones and others). */
  texts: string[];
}

/** Which DMARC record applies to a subdomain plan, and whether it needs its own. */
export interface DmarcCoverage {
  /** Whether the plan's domain needs a DMARC record of its own. */
  needsOwn: boolean;
  /** The domain whose record applies today (published at `_dmarc.<at>`). */
  at: string;
  /** The record published there. */
  text: string;
  /** The policy a receiver applies to mail from the plan's domain, and the tag it comes from. */
  policy?: { tag: 'p' | 'sp'; value: string };
  /** One plain sentence: which record applies, and whether the domain needs one of its own. */
  sentence: string;
}

function reportAddresses(list: string): string[] {
  return list
    .split(',')
    .map((u) => u.trim().replace(/!.*$/, '').toLowerCase())
    .filter((u) => u !== '');
}

/** The plan's report addresses the inherited record does not send to (none: it sends to all). */
function missingReports(planRua: string | undefined, recordRua: readonly { uri: string }[]) {
  if (!planRua) return [];
  const have = new Set(reportAddresses(recordRua.map((u) => u.uri).join(',')));
  return reportAddresses(planRua).filter((u) => !have.has(u));
}

/**
 * The coverage of `plan.domain` by the parent record `inherited` (read only when the domain has
 * no DMARC record of its own); undefined when the domain is not under it or nothing was read.
 */
export function dmarcCoverage(
  plan: Pick<Plan, 'domain' | 'dmarc'>,
  inherited: InheritedDmarc | undefined,
): DmarcCoverage | undefined {
  if (!inherited || !plan.domain.endsWith(`.${inherited.at}`)) return undefined;
  const texts = dmarcTexts(inherited.texts);
  const name = `_dmarc.${inherited.at}`;
  const domain = plan.domain;
  const own = `${domain} needs a DMARC record of its own`;
  const text = texts[0];
  if (text === undefined) return undefined;
  if (texts.length > 1) {
    return {
      needsOwn: true,
      at: inherited.at,
      text,
      sentence: `${own}: ${name} has ${texts.length} DMARC records, and receivers ignore DMARC when there is more than one.`,
    };
  }
  const record = parseDmarc(text);
  const value = record.subdomainPolicy ?? record.policy;
  if (!record.valid || value === undefined) {
    return {
      needsOwn: true,
      at: inherited.at,
      text,
      sentence: `${own}: the record at ${name} has no valid policy, so receivers may ignore it.`,
    };
  }
  const tag = record.subdomainPolicy ? ('sp' as const) : ('p' as const);
  const base = { at: inherited.at, text, policy: { tag, value } };
  const applies = `receivers apply the record at ${name} to it, with ${tag === 'sp' ? 'its subdomain policy' : 'its policy'} ${tag}=${value}`;
  const wanted = plan.dmarc?.policy ?? 'none';
  // t=y: receivers apply one step less strict a policy (RFC 9989).
  const rank = Math.max(0, policyRank(value) - (record.testing ? 1 : 0));
  if (rank < policyRank(wanted)) {
    return {
      ...base,
      needsOwn: true,
      sentence: `${own}: ${applies}${record.testing ? ' (in testing mode, t=y)' : ''}, weaker than the p=${wanted} you chose.`,
    };
  }
  const missing = missingReports(plan.dmarc?.rua, record.rua);
  if (missing.length > 0) {
    return {
      ...base,
      needsOwn: true,
      sentence: `${own}: ${applies}, but that record does not send reports to ${missing.join(', ')}, the address you chose.`,
    };
  }
  return {
    ...base,
    needsOwn: false,
    sentence: `${domain} needs no DMARC record of its own: ${applies}, at least as strict as the p=${wanted} you chose. Publish one only if this subdomain should get another policy or reports of its own.`,
  };
}
