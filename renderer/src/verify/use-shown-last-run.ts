import { useEffect } from 'react';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { api } from '../state/api-ref';

/**
 * Show the project's last stored run at once, so reopening Verify does not look empty; `show`
 * puts it on screen and `remember` keeps it for comparing the next run with.
 */
export function useShownLastRun(
  projectId: string,
  show: (doc: CheckDocument) => void,
  remember: (doc: CheckDocument) => void,
): void {
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await api().call('runs.list', { projectId });
      const last = list.ok ? list.value.runs[0] : undefined;
      if (!last) return;
      const doc = await api().call('runs.get', { projectId, runId: last.id });
      if (live && doc.ok) {
        remember(doc.value);
        show(doc.value);
      }
    })();
    return () => {
      live = false;
    };
  }, [projectId, show, remember]);
}
