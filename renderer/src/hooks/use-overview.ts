import { useMemo } from 'react';
import { draftToPlan } from '../../../shared/model/draft-to-plan';
import type { Draft, Project } from '../../../shared/model/project';
import { recordsToPublish } from '../../../shared/records/records-to-publish';

/**
 * A draft's plan and the records to publish for it (recordsToPublish, merged with what the
 * domain published when the wizard last looked). Records, Summary, Secure, Verify's fixes and
 * "All done" all read this one hook, so they cannot show different records for the same draft.
 */
export function useDraftOverview(draft: Draft | undefined) {
  return useMemo(() => {
    if (draft === undefined) return null;
    const planned = draftToPlan(draft);
    const published = draft.published ?? null;
    const overview = planned.ok ? recordsToPublish(planned.plan, published) : null;
    return { planned, published, overview };
  }, [draft]);
}

/** The project's plan and its records to publish (see useDraftOverview). */
export function usePlanOverview(project: Project) {
  // A project always has a draft, so the overview is never null here.
  return useDraftOverview(project.draft)!;
}
