import { z } from 'zod';
import { CHECK_IDS } from './catalogue';
import { STATUSES } from './status';

export { STATUSES, summarize, type Status, type StatusSummary } from './status';

/** Schema of one finding: one check about one subject (a domain, an IP, a host). */
export const findingSchema = z.object({
  /** The stable check id from docs/CHECKS.md, e.g. "spf.single". */
  check: z.enum(CHECK_IDS),
  /** What the finding is about: the domain, an IP address, a host name. */
  subject: z.string(),
  status: z.enum(STATUSES),
  /** One plain sentence a non-expert understands. */
  title: z.string(),
  /** What was seen (per view where it matters). */
  detail: z.string(),
  /** What to do; present whenever status is not pass/info. */
  fix: z.string().optional(),
  /**
   * The same advice for a reader without a terminal (the Summary and the PDF), where `fix` gives
   * terminal commands; absent when `fix` reads well as it is.
   */
  ownerFix: z.string().optional(),
  /** For pending: when the record should be visible everywhere (ISO time). */
  eta: z.string().optional(),
  /** The raw answers the judgement was made from. */
  evidence: z.record(z.string(), z.unknown()).optional(),
});

/** One finding: one check about one subject. */
export type Finding = z.infer<typeof findingSchema>;
