import { z } from 'zod';

/** The statuses of CHECKS.md. */
export const STATUSES = ['pass', 'warn', 'fail', 'pending', 'unknown', 'info'] as const;

/** One of the statuses of CHECKS.md. */
export type Status = (typeof STATUSES)[number];

/** Schema of one finding: one check about one subject (a domain, an IP, a host). */
export const findingSchema = z.object({
  /** The stable check id from CHECKS.md, e.g. "spf.single". */
  check: z.string(),
  /** What the finding is about: the domain, an IP address, a host name. */
  subject: z.string(),
  status: z.enum(STATUSES),
  /** One plain sentence a non-expert understands. */
  title: z.string(),
  /** What was seen (per view where it matters). */
  detail: z.string(),
  /** What to do; present whenever status is not pass/info. */
  fix: z.string().optional(),
  /** For pending: when the record should be visible everywhere (ISO time). */
  eta: z.string().optional(),
  /** The raw answers the judgement was made from. */
  evidence: z.record(z.string(), z.unknown()).optional(),
});

/** One finding: one check about one subject. */
export type Finding = z.infer<typeof findingSchema>;

/** Counts of findings per status, as in the CLI's `summary`. */
export type StatusSummary = Record<Status, number>;

/** Count findings per status. */
export function summarize(findings: readonly Finding[]): StatusSummary {
  const summary: StatusSummary = { pass: 0, warn: 0, fail: 0, pending: 0, unknown: 0, info: 0 };
  for (const f of findings) summary[f.status] += 1;
  return summary;
}
