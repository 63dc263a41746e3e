import { publishedAnswer, txtValues } from '../../shared/checks/dns-observation';
import type {
  SpfEvaluation as SpfFinding,
  SpfObservation,
  SpfTreeNode,
} from '../../shared/checks/observations';
import { spfTexts } from '../../shared/checks/spf-checks';
import { findSender, senderInclude } from '../../shared/providers/senders';
import type { Plan } from '../../shared/model/plan';
import type { SpfNode } from '../spf/spf-lookup-count';
import { spfResolverFromDns } from '../spf/spf-resolver';
import type { RunLookups } from './run-lookups';

function includesOf(node: SpfNode): string[] {
  return node.children.flatMap((c) => [c.domain.toLowerCase(), ...includesOf(c)]);
}

function treeOf(node: SpfNode): SpfTreeNode {
  const children = node.children.map(treeOf);
  return {
    domain: node.domain,
    ...(node.via && { via: node.via }),
    ...(node.record && { record: node.record }),
    ownLookups: node.ownLookups,
    totalLookups: node.ownLookups + children.reduce((s, c) => s + c.totalLookups, 0),
    ...(node.broken && { broken: node.broken }),
    problems: node.problems,
    children,
  };
}

function pathOf(node: SpfNode): string[] {
  const own = (node.parsed?.lookupTerms ?? []).map((t) => `${node.domain}: ${t.text}`);
  return [...own, ...node.children.flatMap(pathOf)];
}

/**
 * SPF at the domain and the mail host from every view; mailauth's evaluation per server IP and
 * the worst-case lookup count (main/spf), both answered from what the domain's nameservers
 * publish. main/spf (and mailauth with it) is loaded only when needed, so the first queries
 * leave before it is read.
 */
export async function gatherSpf(
  l: RunLookups,
  plan: Plan,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<SpfObservation> {
  const via = "your domain's nameservers (what receivers will see once it has spread)";
  const resolver = spfResolverFromDns({ query: (name, type) => l.published(name, type) }, signal);
  const ips = [...plan.ipv4, ...plan.ipv6];
  const [apex, helo, evaluations, count] = await Promise.all([
    l.lookup(plan.domain, 'TXT'),
    l.lookup(plan.mailHost, 'TXT'),
    import('../spf/spf-evaluate').then(({ evaluateSpf }) =>
      Promise.all(
        ips.map(async (ip) => {
          const e = await evaluateSpf({
            ip,
            sender: `postmaster@${plan.domain}`,
            helo: plan.mailHost,
            resolver,
            timeoutMs: Math.max(timeoutMs * 4, 10_000),
            ...(signal ? { signal } : {}),
          });
          const out: SpfFinding = { ip, result: e.result, via };
          const why = e.explanation ?? e.detail;
          if (why) out.explanation = why;
          return { out, lookups: e.lookups };
        }),
      ),
    ),
    import('../spf/spf-lookup-count').then(({ countSpfLookups }) =>
      countSpfLookups(plan.domain, resolver),
    ),
  ]);
  const senders = plan.senders.map((s) => {
    const id = typeof s === 'string' ? s : s.id;
    const include = senderInclude(s);
    return { id, name: findSender(id)?.name ?? id, ...(include ? { include } : {}) };
  });
  const obs: SpfObservation = { apex, helo, evaluations: evaluations.map((e) => e.out), senders };
  const a = publishedAnswer(apex);
  if (a && spfTexts(txtValues(a)).length > 0) {
    // mailauth stops at the first match; the count walks every branch. Keep the larger.
    obs.lookupCount = {
      terms: Math.max(count.lookups, ...evaluations.map((e) => e.lookups.count)),
      voids: Math.max(count.voidLookups, ...evaluations.map((e) => e.lookups.void)),
      path: pathOf(count.root),
      ...(count.incomplete ? { error: count.problems.join(' ') || 'a DNS lookup failed' } : {}),
    };
    obs.includesSeen = includesOf(count.root);
    obs.includeTree = treeOf(count.root);
  }
  return obs;
}
