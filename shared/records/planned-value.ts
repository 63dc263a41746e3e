import type { Plan } from '../model/plan';
import { planRecords } from './plan-records';

/**
 * The value the planner gives one record of a plan when nothing is published yet (key as in
 * PlannedRecord.key: "spf", "dmarc"...). Fix texts that say "create this record" use it, so
 * they never show another value than the Records step.
 */
export function plannedValue(plan: Plan, key: string): string | undefined {
  return planRecords(plan).find((r) => r.key === key)?.value;
}
