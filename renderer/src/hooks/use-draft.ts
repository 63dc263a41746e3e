import { useMemo } from 'react';
import { draftToPlan, fillDraft, type FilledDraft } from '../../../shared/model/draft-to-plan';
import type { Draft, Project } from '../../../shared/model/project';
import { useAppStore } from '../state/app-store';

/** The project's draft with every default filled in, and the function that saves a change. */
export function useDraft(project: Project): [FilledDraft, (patch: Partial<Draft>) => void] {
  const updateDraft = useAppStore((s) => s.updateDraft);
  const draft = useMemo(() => fillDraft(project.draft), [project.draft]);
  return [draft, updateDraft];
}

/** The plan made from the project's draft (recomputed only when the draft changes). */
export function usePlan(project: Project) {
  return useMemo(() => draftToPlan(project.draft), [project.draft]);
}
