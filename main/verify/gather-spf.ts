import { publishedAnswer, txtValues } from '../../shared/checks/dns-observation';
import type { SpfObservation } from '../../shared/checks/observations';
import { spfTexts } from '../../shared/checks/spf-checks';
import { findSender, senderInclude } from '../../shared/providers/senders';
import type { Plan } from '../../shared/model/plan';
import type { RunLookups } from './run-lookups';
import { evaluateSpfFor } from './spf-evaluate';
import { walkSpf } from './spf-walk';

/** SPF at the domain and the mail host from every view; evaluation per server IP; the lookup walk. */
export async function gatherSpf(
  l: RunLookups,
  plan: Plan,
  timeoutMs: number,
): Promise<SpfObservation> {
  const ask = l.published;
  const via = "your domain's nameservers (what receivers will see once it has spread)";
  const ips = [...plan.ipv4, ...plan.ipv6];
  const [apex, helo, evaluations, walk] = await Promise.all([
    l.lookup(plan.domain, 'TXT'),
    l.lookup(plan.mailHost, 'TXT'),
    Promise.all(
      ips.map((ip) =>
        evaluateSpfFor(ip, plan.domain, plan.mailHost, ask, via, Math.max(timeoutMs * 4, 10_000)),
      ),
    ),
    walkSpf(plan.domain, ask),
  ]);
  const senders = plan.senders.map((s) => {
    const id = typeof s === 'string' ? s : s.id;
    const include = senderInclude(s);
    return { id, name: findSender(id)?.name ?? id, ...(include ? { include } : {}) };
  });
  const obs: SpfObservation = {
    apex,
    helo,
    evaluations: evaluations.map(({ lookups: _l, ...e }) => e),
    senders,
  };
  const hasRecord = (() => {
    const a = publishedAnswer(apex);
    return a ? spfTexts(txtValues(a)).length > 0 : false;
  })();
  if (hasRecord) {
    // mailauth stops at the first match; the walk counts the worst case. Keep the larger.
    const fromEval = Math.max(0, ...evaluations.map((e) => e.lookups?.count ?? 0));
    const voidsEval = Math.max(0, ...evaluations.map((e) => e.lookups?.void ?? 0));
    obs.lookupCount = {
      terms: Math.max(walk.terms, fromEval),
      voids: Math.max(walk.voids, voidsEval),
      path: walk.path,
      ...(walk.error ? { error: walk.error } : {}),
    };
    obs.includesSeen = walk.includes;
  }
  return obs;
}
