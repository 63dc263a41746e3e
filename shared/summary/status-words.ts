import type { Status } from '../checks/finding';

/** A record or finding status, plus "not checked" for a summary made before any run. */
export type ShownStatus = Status | 'not-checked';

/** The status as a short word or two for a table cell. */
export const STATUS_WORDS: Record<ShownStatus, string> = {
  pass: 'OK',
  warn: 'Works, could be better',
  fail: 'Needs fixing',
  pending: 'Waiting for DNS to update',
  unknown: 'Could not check',
  info: 'For your information',
  'not-checked': 'Not checked yet',
};

/** Section headings for the findings of each status. */
export const STATUS_HEADINGS: Record<Status, string> = {
  fail: 'To fix',
  warn: 'Advised',
  pending: 'Waiting for DNS to update',
  unknown: 'Could not be checked',
  info: 'Good to know',
  pass: 'Passed',
};

/** Statuses from most to least urgent: what a record shows when several findings apply. */
export const STATUS_URGENCY: readonly ShownStatus[] = [
  'fail',
  'pending',
  'warn',
  'unknown',
  'not-checked',
  'info',
  'pass',
];

/** The most urgent of some statuses. */
export function worstStatus(statuses: readonly ShownStatus[]): ShownStatus | undefined {
  let best: ShownStatus | undefined;
  for (const s of statuses) {
    if (best === undefined || STATUS_URGENCY.indexOf(s) < STATUS_URGENCY.indexOf(best)) best = s;
  }
  return best;
}
