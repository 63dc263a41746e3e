import type { Finding, Status } from '../../../shared/checks/finding';
import { checkInfo } from '../../../shared/checks/catalogue';

/** One check about one subject whose status differs between two runs. */
export interface RunChange {
  check: string;
  subject: string;
  /** Undefined when the check did not run in that run. */
  before?: Status;
  after?: Status;
  /** The change in plain words, e.g. "One SPF record (example.com): was failing, now passes." */
  sentence: string;
}

const WAS: Record<Status, string> = {
  pass: 'was passing',
  warn: 'had a warning',
  fail: 'was failing',
  pending: 'was waiting for DNS to update',
  unknown: 'could not be checked',
  info: 'had nothing to judge yet',
};

const NOW: Record<Status, string> = {
  pass: 'now passes',
  warn: 'now has a warning',
  fail: 'now fails',
  pending: 'is now waiting for DNS to update',
  unknown: 'now could not be checked',
  info: 'now has nothing to judge',
};

const key = (f: Pick<Finding, 'check' | 'subject'>) => `${f.check}\u0000${f.subject}`;

/** What changed from run `older` to run `newer`, check by check and subject by subject. */
export function runChanges(older: readonly Finding[], newer: readonly Finding[]): RunChange[] {
  const before = new Map(older.map((f) => [key(f), f]));
  const after = new Map(newer.map((f) => [key(f), f]));
  const changes: RunChange[] = [];
  for (const [k, f] of after) {
    const b = before.get(k);
    if (b?.status === f.status) continue;
    const name = `${checkInfo(f.check)?.title ?? f.check} (${f.subject})`;
    const sentence = b
      ? `${name}: ${WAS[b.status]}, ${NOW[f.status]}.`
      : `${name}: checked for the first time; ${NOW[f.status].replace(/\bnow /, '')}.`;
    changes.push({
      check: f.check,
      subject: f.subject,
      before: b?.status,
      after: f.status,
      sentence,
    });
  }
  for (const [k, b] of before) {
    if (after.has(k)) continue;
    const name = `${checkInfo(b.check)?.title ?? b.check} (${b.subject})`;
    changes.push({
      check: b.check,
      subject: b.subject,
      before: b.status,
      sentence: `${name}: not checked any more (it ${WAS[b.status]}).`,
    });
  }
  return changes;
}
