import { useMemo } from 'react';
import { withDraftDefaults, type FilledDraft } from '../../../shared/model/draft-defaults';
import { draftToPlan } from '../../../shared/model/draft-to-plan';
import type { Draft, Project } from '../../../shared/model/project';
import { useAppStore } from '../state/app-store';

/** The project's draft with every default filled in, and the function that saves a change. */
export function useDraft(project: Project): [FilledDraft, (patch: Partial<Draft>) => void] {
  const updateDraft = useAppStore((s) => s.updateDraft);
  // Main checked this draft against the schema before sending it (the dispatcher parses every
  // answer), and edits here are typed: only missing fields need their defaults.
  const draft = useMemo(() => withDraftDefaults(project.draft), [project.draft]);
  return [draft, updateDraft];
}

/** The plan made from the project's draft (recomputed only when the draft changes). */
export function usePlan(project: Project) {
  return useMemo(() => draftToPlan(project.draft), [project.draft]);
}
