import { summarize, type Finding } from '../../shared/checks/finding';
import { checkOrder } from '../../shared/checks/catalogue';
import type { CheckDocument } from '../../shared/checks/verify-progress';

/** Findings in catalogue order, then by subject, so documents of two runs compare line by line. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => checkOrder(a.check) - checkOrder(b.check) || a.subject.localeCompare(b.subject),
  );
}

/** The document of docs/CHECKS.md for a finished (or cancelled) run. */
export function checkDocument(args: {
  version: string;
  domain: string;
  startedAt: Date;
  finishedAt: Date;
  findings: readonly Finding[];
  cancelled?: boolean;
  queries?: number;
  reachable?: boolean;
}): CheckDocument {
  const findings = sortFindings(args.findings);
  const doc: CheckDocument = {
    tool: 'mailwright',
    version: args.version,
    domain: args.domain,
    startedAt: args.startedAt.toISOString(),
    durationMs: args.finishedAt.getTime() - args.startedAt.getTime(),
    summary: summarize(findings),
    findings,
  };
  if (args.cancelled) doc.cancelled = true;
  if (args.queries !== undefined) doc.queries = args.queries;
  if (args.reachable !== undefined) doc.reachable = args.reachable;
  return doc;
}

/** Checks decided from the plan alone: they say nothing about whether the network could be used. */
const OFFLINE_CHECKS = new Set([
  'domain.valid',
  'host.public-ip',
  // A test message's own text: read and judged without the network.
  'message.parsed',
  'message.bulk',
  'message.receiver',
]);

/**
 * The exit status of docs/CHECKS.md: 3 when nothing could be checked over the network (every
 * network finding unknown), 1 when anything failed, else 0.
 */
export function exitStatus(doc: CheckDocument): 0 | 1 | 3 {
  if (doc.reachable === false) return 3;
  const network = doc.findings.filter((f) => !OFFLINE_CHECKS.has(f.check));
  if (network.length > 0 && network.every((f) => f.status === 'unknown')) return 3;
  return doc.summary.fail > 0 ? 1 : 0;
}
