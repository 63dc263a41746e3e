import { validatePlan, type PlanIssue } from './plan-validate';
import type { Plan } from './plan';
import { publishedTodaySchema } from './project';
import type { PublishedToday } from '../records/records-to-publish';

/** The "format" value of the app's JSON export ({format, plan, run}), which also works as a plan file. */
export const JSON_EXPORT_FORMAT = 'mailwright-export';

/** A plan file read and validated, or the one field that is wrong. */
export type LoadedPlan =
  | {
      ok: true;
      plan: Plan;
      warnings: PlanIssue[];
      /**
       * What the domain published when the app exported the file (its JSON export carries it),
       * so `mailwright plan` on the export merges as the app did; absent in a plain plan file.
       */
      published?: PublishedToday;
    }
  | { ok: false; field: string; message: string };

/**
 * Read a plan file's text (JSON, the format of docs/CHECKS.md, or the app's JSON export) and validate it. Used by
 * `mailwright plan` and `mailwright check`; the CLI prints `${field}: ${message}` and exits 2.
 */
export function loadPlan(text: string): LoadedPlan {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      field: 'plan',
      message: `The plan file is not valid JSON (${(e as Error).message}).`,
    };
  }
  // The app's JSON export carries the plan inside: the file people copy to their server.
  let published: PublishedToday | undefined;
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { format?: unknown }).format === JSON_EXPORT_FORMAT &&
    'plan' in data
  ) {
    const seen = publishedTodaySchema
      .nullish()
      .safeParse((data as { published?: unknown }).published);
    // A look-up that cannot be read is left out: the records are then planned as not looked up.
    if (seen.success && seen.data) published = seen.data;
    data = (data as { plan: unknown }).plan;
  }
  const r = validatePlan(data);
  if (!r.ok) return { ok: false, field: r.field, message: r.message };
  return published ? { ...r, published } : r;
}
