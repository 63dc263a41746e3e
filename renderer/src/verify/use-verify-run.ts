import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../../shared/checks/finding';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { api } from '../state/api-ref';
import { useAppStore } from '../state/app-store';

/** What the Verify screen knows about the current or last run. */
export interface VerifyRunState {
  running: boolean;
  /** Findings so far (live while running, the stored document's after). */
  findings: Finding[];
  /** The last thing the checker said while waiting. */
  note: string | null;
  /** The finished run's document. */
  document: CheckDocument | null;
  /** Why the run could not start or finish, in plain words. */
  error: string | null;
  /** Why the finished run was not stored in the history (disk full, read-only folder). */
  notSaved?: string;
}

const IDLE: VerifyRunState = {
  running: false,
  findings: [],
  note: null,
  document: null,
  error: null,
};

/** A run id the caller picks, so Cancel works before the answer arrives. */
function newRunId(): string {
  return `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const sameFinding = (a: Finding, b: Finding) => a.check === b.check && a.subject === b.subject;

/**
 * Run the project's checks with live progress. `run` resolves with the finished document (or
 * null when the run could not be made), so watch mode can chain runs without reading state.
 */
export function useVerifyRun(projectId: string) {
  const [state, setState] = useState<VerifyRunState>(IDLE);
  const current = useRef<string | null>(null);

  // Leaving the screen cancels a run nobody will see.
  useEffect(
    () => () => {
      if (current.current) void api().call('verify.cancel', { runId: current.current });
    },
    [],
  );

  const run = useCallback(async (): Promise<CheckDocument | null> => {
    if (current.current) return null;
    const runId = newRunId();
    current.current = runId;
    setState((s) => ({
      ...s,
      running: true,
      findings: [],
      note: null,
      error: null,
      notSaved: undefined,
    }));
    const off = api().on('verify.progress', (event) => {
      if (event.runId !== runId) return;
      const p = event.progress;
      if (p.type === 'note') setState((s) => ({ ...s, note: p.message }));
      if (p.type === 'check-finished')
        setState((s) => ({
          ...s,
          findings: [...s.findings.filter((f) => !sameFinding(f, p.finding)), p.finding],
        }));
    });
    try {
      const result = await api().call('verify.run', { projectId, runId });
      if (!result.ok) {
        setState((s) => ({ ...s, running: false, error: result.error.message }));
        return null;
      }
      const { document, notSaved } = result.value;
      setState({
        running: false,
        findings: document.findings,
        note: null,
        document,
        error: null,
        ...(notSaved ? { notSaved } : {}),
      });
      useAppStore.getState().noteRun(projectId, document);
      return document;
    } finally {
      off();
      current.current = null;
    }
  }, [projectId]);

  const cancel = useCallback(() => {
    if (current.current) void api().call('verify.cancel', { runId: current.current });
  }, []);

  /** Show a stored run (the latest one when the screen opens). */
  const show = useCallback((document: CheckDocument) => {
    if (current.current) return;
    setState({ running: false, findings: document.findings, note: null, document, error: null });
  }, []);

  return { state, run, cancel, show };
}
