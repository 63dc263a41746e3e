import { useMemo } from 'react';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { Project } from '../../../shared/model/project';
import { allDoneOf, type AllDone } from '../../../shared/summary/all-done';
import { usePlanOverview } from '../hooks/use-overview';
import { useAppStore } from '../state/app-store';

/**
 * The All done moment of a run for this project (undefined while anything is open): the
 * records and their ladder are the plan overview's, as on Records, Summary and every export.
 */
export function useAllDone(
  project: Project,
  run: CheckDocument | null | undefined,
): AllDone | undefined {
  const { planned, overview } = usePlanOverview(project);
  const messageTested = useAppStore((s) => s.lastMessage?.projectId === project.id);
  return useMemo(() => {
    if (!planned.ok || !overview || !run || run.domain !== planned.plan.domain) return undefined;
    return allDoneOf(run, overview.records, messageTested);
  }, [planned, overview, run, messageTested]);
}
