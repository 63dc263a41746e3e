import { validatePlan, type PlanIssue } from './plan-validate';
import type { Plan } from './plan';

/** A plan file read and validated, or the one field that is wrong. */
export type LoadedPlan =
  { ok: true; plan: Plan; warnings: PlanIssue[] } | { ok: false; field: string; message: string };

/**
 * Read a plan file's text (JSON, the format of CHECKS.md) and validate it. Used by
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
  const r = validatePlan(data);
  return r.ok ? r : { ok: false, field: r.field, message: r.message };
}
