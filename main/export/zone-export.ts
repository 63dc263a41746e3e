import type { Plan } from '../../shared/model/plan';
import { planRecords } from '../../shared/records/plan-records';
import type { PlannedRecord } from '../../shared/records/planned-record';
import { renderZone } from '../../shared/records/zone-render';

/**
 * The BIND zone file of a plan's records (the planner's renderZone), for DNS hosts that import
 * one. Reverse DNS and records whose value is not known yet appear only as comments.
 */
export function buildZoneFile(plan: Plan, records?: readonly PlannedRecord[]): string {
  return renderZone(records ?? planRecords(plan), plan.domain);
}
