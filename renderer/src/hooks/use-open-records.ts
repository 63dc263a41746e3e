import type { PlannedRecord } from '../../../shared/records/planned-record';
import { useAppStore } from '../state/app-store';
import { useDraftOverview } from './use-overview';

/** The open project's records to publish and how its DNS host's form wants them written. */
export interface OpenRecords {
  records: PlannedRecord[];
  /** The plan's DNS host id ("other" when none is chosen). */
  hostId: string;
  /** The zone the names are typed relative to (the parent's for a subdomain plan). */
  zone: string;
}

/**
 * The open project's records to publish, from the same overview as the Records step, so a
 * finding's fix shows the same value; null while the plan has problems.
 */
export function useOpenRecords(): OpenRecords | null {
  const draft = useAppStore((s) => s.project?.draft);
  const o = useDraftOverview(draft);
  if (!o?.planned.ok || !o.overview) return null;
  return {
    records: o.overview.records,
    hostId: o.planned.plan.dnsHost ?? 'other',
    zone: o.overview.zone,
  };
}
