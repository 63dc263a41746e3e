import type { Plan } from '../../shared/model/plan';
import type { PlannedRecord } from '../../shared/records/planned-record';
import { zoneFor } from '../../shared/records/dns-zone';
import { renderZone } from '../../shared/records/zone-render';

/**
 * The BIND zone file of the records to publish (recordsToPublish's, the Records step's), for
 * DNS hosts that import one. Reverse DNS, records whose value is not known yet and records to
 * delete appear only as comments. `zone` is the $ORIGIN (recordsToPublish's overview.zone: a
 * subdomain plan usually lives in its parent's zone).
 */
export function buildZoneFile(
  plan: Plan,
  records: readonly PlannedRecord[],
  zone: string = zoneFor(plan.domain),
): string {
  return renderZone(records, zone);
}
