import { useState } from 'react';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { api } from '../state/api-ref';
import { useAppStore } from '../state/app-store';

/** The Records step's "Check these now": its state, its run, and the function that starts it. */
export interface RecordsCheck {
  checking: boolean;
  /** The run, once made. */
  run: CheckDocument | undefined;
  /** Why the check could not run, when it could not. */
  error: string | undefined;
  checkNow: () => Promise<void>;
}

/**
 * A check of the DNS records only: the mail server and block-list checks belong to the Verify
 * step. The run is stored like any other, so Verify, the Summary and the step marks see it.
 */
export function useRecordsCheck(projectId: string): RecordsCheck {
  const noteRun = useAppStore((s) => s.noteRun);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<CheckDocument | { error: string } | null>(null);
  const checkNow = async () => {
    setChecking(true);
    const r = await api().call('verify.run', {
      projectId,
      options: { noSmtp: true, noDnsbl: true },
    });
    setChecking(false);
    setChecked(r.ok ? r.value.document : { error: r.error.message });
    if (r.ok) noteRun(projectId, r.value.document);
  };
  return {
    checking,
    run: checked && 'findings' in checked ? checked : undefined,
    error: checked && 'error' in checked ? checked.error : undefined,
    checkNow,
  };
}
