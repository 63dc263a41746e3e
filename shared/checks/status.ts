/**
 * The statuses of docs/CHECKS.md and their counts, as plain values: apart from the finding's schema
 * (finding.ts) so the renderer can count findings without loading the schema library.
 */

/** The statuses of docs/CHECKS.md. */
export const STATUSES = ['pass', 'warn', 'fail', 'pending', 'unknown', 'info'] as const;

/** One of the statuses of docs/CHECKS.md. */
export type Status = (typeof STATUSES)[number];

/** Counts of findings per status, as in the CLI's `summary`. */
export type StatusSummary = Record<Status, number>;

/** Count findings per status. */
export function summarize(findings: readonly { status: Status }[]): StatusSummary {
  const summary: StatusSummary = { pass: 0, warn: 0, fail: 0, pending: 0, unknown: 0, info: 0 };
  for (const f of findings) summary[f.status] += 1;
  return summary;
}
