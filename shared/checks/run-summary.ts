import { z } from 'zod';
import { STATUSES } from './finding';

/** One stored verification run as the history list shows it. */
export const runSummarySchema = z.object({
  /** The run's id: its start time, made safe for file names (e.g. "2026-11-22T10-00-00.000Z"). */
  id: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  summary: z.object(
    Object.fromEntries(STATUSES.map((s) => [s, z.number()])) as Record<
      (typeof STATUSES)[number],
      z.ZodNumber
    >,
  ),
  cancelled: z.boolean().optional(),
});

/** See runSummarySchema. */
export type RunSummary = z.infer<typeof runSummarySchema>;

/** The run id of a start time: ISO without the colons Windows does not allow in file names. */
export function runIdOf(startedAt: string): string {
  return startedAt.replace(/:/g, '-');
}
