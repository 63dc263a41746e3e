import { z } from 'zod';
import { checkPlanValues, type PlanIssue, type PlanValidation } from './plan-check';
import { planSchema } from './plan';

/**
 * Validate a plan as read from a file or the command line: the schema first (the form: which
 * keys, which types), then the meaning of every value (plan-check.ts), each with a message
 * that names the field. Values come back normalised; warnings say what is unusual but allowed.
 */

export type { PlanIssue, PlanValidation } from './plan-check';

/** Render a zod path as "ipv4[0]" / "dkim.selector". */
function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? 'plan' : out;
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod does not keep the input by default; its message ends with what it received.
      return /received undefined$/.test(issue.message)
        ? 'is missing'
        : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return 'must not be empty';
    case 'invalid_union':
      return 'has a form that is not understood';
    default:
      return issue.message;
  }
}

/** Validate a plan (parsed JSON, or any object). */
export function validatePlan(input: unknown): PlanValidation {
  const errors: PlanIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push({
      field: 'plan',
      message: 'The plan must be a JSON object with at least "domain" and "mailHost".',
    });
  } else {
    const parsed = planSchema.safeParse(input);
    if (parsed.success) return checkPlanValues(parsed.data);
    for (const issue of parsed.error.issues)
      errors.push({ field: fieldOf(issue.path), message: zodMessage(issue) });
  }
  const first = errors[0] as PlanIssue;
  return { ok: false, field: first.field, message: first.message, errors, warnings: [] };
}
