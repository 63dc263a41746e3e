import { useMemo } from 'react';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { Project } from '../../../shared/model/project';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import { allDoneOf, type AllDone } from '../../../shared/summary/all-done';
import { usePlan } from '../hooks/use-draft';
import { useAppStore } from '../state/app-store';

/**
 * The All done moment of a run for this project (undefined while anything is open): the
 * records and their ladder come from recordsToPublish, as on Records and in every export.
 */
export function useAllDone(
  project: Project,
  run: CheckDocument | null | undefined,
): AllDone | undefined {
  const planned = usePlan(project);
  const messageTested = useAppStore((s) => s.lastMessage?.projectId === project.id);
  const published = project.draft.published ?? undefined;
  return useMemo(() => {
    if (!planned.ok || !run || run.domain !== planned.plan.domain) return undefined;
    return allDoneOf(run, recordsToPublish(planned.plan, published).records, messageTested);
  }, [planned, published, run, messageTested]);
}
