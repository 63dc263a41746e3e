import { useCallback, useEffect, useState } from 'react';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { api } from '../state/api-ref';

/** The newest stored check of a project, as the Summary shows it. */
export type LastRun =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'error'; message: string }
  | { state: 'ready'; runId: string; run: CheckDocument };

/** Read the project's newest run from its history (runs.list, then runs.get); `reload` reads again. */
export function useLastRun(projectId: string): [LastRun, () => void] {
  const [last, setLast] = useState<LastRun>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await api().call('runs.list', { projectId });
      if (!live) return;
      if (!list.ok) return setLast({ state: 'error', message: list.error.message });
      const newest = list.value.runs[0];
      if (!newest) return setLast({ state: 'none' });
      const doc = await api().call('runs.get', { projectId, runId: newest.id });
      if (!live) return;
      setLast(
        doc.ok
          ? { state: 'ready', runId: newest.id, run: doc.value }
          : { state: 'error', message: doc.error.message },
      );
    })();
    return () => {
      live = false;
    };
  }, [projectId, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [last, reload];
}
