import { useMemo } from 'react';
import { draftToPlan } from '../../../shared/model/draft-to-plan';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import { useAppStore } from '../state/app-store';

/** The open project's records to publish and how its DNS host's form wants them written. */
export interface OpenRecords {
  records: PlannedRecord[];
  /** The plan's DNS host id ("other" when none is chosen). */
  hostId: string;
  domain: string;
}

/**
 * The records to publish for the open project, from the one computation (recordsToPublish),
 * so a finding's fix can show the same value as the Records step; null while the plan has
 * problems.
 */
export function useOpenRecords(): OpenRecords | null {
  const draft = useAppStore((s) => s.project?.draft);
  return useMemo(() => {
    if (!draft) return null;
    const planned = draftToPlan(draft);
    if (!planned.ok) return null;
    return {
      records: recordsToPublish(planned.plan, draft.published ?? undefined).records,
      hostId: planned.plan.dnsHost ?? 'other',
      domain: planned.plan.domain,
    };
  }, [draft]);
}
