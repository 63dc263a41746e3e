import { CHECK_GROUPS, checkInfo, type CheckGroup } from '../checks/catalogue';
import type { CheckDocument } from '../checks/verify-progress';
import type { PlannedRecord } from '../records/planned-record';
import { policyLadder, type LadderStep } from './policy-ladder';

/**
 * The "All done" moment after a check: nothing fails, waits for DNS or could not be checked.
 * It says what was verified, what the check did not look at (so "done" never claims more than
 * was seen), and what comes next: the SPF and DMARC ladder with its dates, counted from the check.
 */
export interface AllDone {
  /** True when the check looked at everything it can (the mail server and the block lists too). */
  complete: boolean;
  /** The groups the check passed, in the catalogue's order, with how many checks each. */
  verified: { group: CheckGroup; title: string; checks: number }[];
  /** What was not looked at, in plain words. */
  notLooked: string[];
  /** Warnings that remain: advice, not a failure. */
  advice: number;
  /** What to tighten next, and from when. */
  ladder: LadderStep[];
}

const OPEN = new Set(['fail', 'pending', 'unknown']);

/**
 * The All done moment of a run, or undefined while anything still fails, waits, could not be
 * checked or the run was stopped. `messageTested`: whether a test message was checked.
 */
export function allDoneOf(
  run: CheckDocument | undefined,
  records: readonly PlannedRecord[],
  messageTested: boolean,
): AllDone | undefined {
  if (!run || run.cancelled === true || run.findings.length === 0) return undefined;
  if (run.findings.some((f) => OPEN.has(f.status))) return undefined;
  const counts = new Map<CheckGroup, number>();
  for (const f of run.findings) {
    const group = checkInfo(f.check)?.group;
    if (group !== undefined && f.status !== 'info') counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const verified = CHECK_GROUPS.filter((g) => counts.has(g.id)).map((g) => ({
    group: g.id,
    title: g.title,
    checks: counts.get(g.id) ?? 0,
  }));
  const skippedProbes = [
    counts.has('smtp') ? null : 'the mail server itself (port 25 and STARTTLS)',
    counts.has('dnsbl') ? null : 'the block lists',
  ].filter((x): x is string => x !== null);
  const notLooked = [
    ...skippedProbes,
    ...(messageTested || counts.has('message')
      ? []
      : ['a real message sent from your server (the Message test step reads one)']),
  ];
  return {
    complete: skippedProbes.length === 0,
    verified,
    notLooked,
    advice: run.summary.warn,
    ladder: policyLadder(
      records.filter((r) => r.action !== 'delete'),
      new Date(run.startedAt),
    ),
  };
}
