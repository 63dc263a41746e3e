import { useMemo } from 'react';
import type { Project } from '../../../shared/model/project';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import { usePlan } from './use-draft';

/**
 * The project's plan and the records to publish for it (recordsToPublish, merged with what the
 * domain published when the wizard last looked). Records and Summary read this one hook, so they
 * cannot show different records for the same draft.
 */
export function usePlanOverview(project: Project) {
  const planned = usePlan(project);
  const published = project.draft.published ?? null;
  const overview = useMemo(
    () => (planned.ok ? recordsToPublish(planned.plan, published) : null),
    [planned, published],
  );
  return { planned, published, overview };
}
