import { z } from 'zod';
import { CHECK_IDS } from './catalogue';
import { findingSchema, STATUSES } from './finding';

/** One step of a running verification, as streamed to the UI and the CLI's progress line. */
export const verifyProgressSchema = z.discriminatedUnion('type', [
  /** A check began for a subject (its probes are on their way). */
  z.object({ type: z.literal('check-started'), check: z.enum(CHECK_IDS), subject: z.string() }),
  /** A check ended for a subject, with its finding. */
  z.object({ type: z.literal('check-finished'), finding: findingSchema }),
  /** Something worth telling while waiting ("waiting for the greeting of 192.0.2.25..."). */
  z.object({ type: z.literal('note'), message: z.string() }),
]);

/** See verifyProgressSchema. */
export type VerifyProgress = z.infer<typeof verifyProgressSchema>;

/** The document `mailwright check --json` prints and the app stores per run (docs/CHECKS.md). */
export const checkDocumentSchema = z.object({
  tool: z.literal('mailwright'),
  version: z.string(),
  domain: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  summary: z.object(
    Object.fromEntries(STATUSES.map((s) => [s, z.number()])) as Record<
      (typeof STATUSES)[number],
      z.ZodNumber
    >,
  ),
  findings: z.array(findingSchema),
  /** Set when the run was cancelled before every check finished. */
  cancelled: z.boolean().optional(),
  /** False when no DNS server gave a usable answer at all (no network): exit status 3. */
  reachable: z.boolean().optional(),
  /** How many DNS queries were sent (for the benchmark and the curious). */
  queries: z.number().optional(),
});

/** See checkDocumentSchema. */
export type CheckDocument = z.infer<typeof checkDocumentSchema>;
