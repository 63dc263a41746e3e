import { useCallback, useEffect, useState } from 'react';
import { whenWords } from '../../../shared/summary/date-words';
import type { Project } from '../../../shared/model/project';
import { summarize } from '../../../shared/checks/status';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useVerifyRun } from '../verify/use-verify-run';
import { FindingGroups } from '../verify/FindingGroups';
import { RunHistory, countsText } from '../verify/RunHistory';
import { AttentionSummary } from '../verify/AttentionSummary';
import { AllDone } from '../verify/AllDone';
import { useAllDone } from '../verify/use-all-done';
import { useShownLastRun } from '../verify/use-shown-last-run';
import { useWatch } from '../verify/use-watch';
import { VerifyActions } from '../verify/VerifyActions';

/** "In N minutes" stays true while the screen is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** The Verify step: check everything now, watch until it all passes, and see earlier checks. */
export function VerifyStep({ project }: { project: Project }) {
  const { state, run, cancel, show } = useVerifyRun(project.id);
  const [historyKey, setHistoryKey] = useState(0);
  const now = useNow();
  const onRun = useCallback(() => setHistoryKey((k) => k + 1), []);
  const watch = useWatch({ run, projectName: project.name, onRun });
  useShownLastRun(project.id, show, watch.remember);
  const done = useAllDone(project, state.running ? null : state.document);

  const summary = summarize(state.findings);
  return (
    <section aria-labelledby="step-title" className="verify">
      <h1 id="step-title">Verify</h1>
      <p className="lead">
        We look up every record you planned, the way other mail servers will, and tell you what is
        right, what is wrong and what to do. Changes to <Term id="dns" /> take a while to reach
        everyone: how long is set by each record&apos;s <Term id="ttl" />.
      </p>

      <VerifyActions
        running={state.running}
        checked={state.document !== null}
        watching={watch.watching}
        onCheck={watch.checkNow}
        onCancel={cancel}
        onWatch={() => watch.startWatching(state.running)}
        onStop={() => watch.stopWatching('Watching stopped.')}
      />

      <div className="verify-status" role="status" aria-live="polite" data-testid="verify-status">
        {state.running
          ? `Checking… ${state.findings.length} check${state.findings.length === 1 ? '' : 's'} done.${state.note ? ` ${state.note}` : ''}`
          : watch.announce}
      </div>
      {watch.watching && watch.nextAt && !state.running ? (
        <p className="muted" data-testid="next-check">
          Watching. Next check at {whenWords(new Date(watch.nextAt), new Date(now))}, in{' '}
          {waitText(watch.nextAt - now)}.
        </p>
      ) : null}
      {state.error ? (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      ) : null}
      {state.notSaved && !state.running ? (
        <div className="notice warn" role="alert" data-testid="verify-not-saved">
          {state.notSaved}
        </div>
      ) : null}

      {state.findings.length > 0 ? (
        <>
          {state.document && !state.running ? (
            <p className="verify-summary" data-testid="verify-summary">
              Last check {whenWords(state.document.startedAt)}
              {watch.announce ? '.' : `: ${countsText(summary)}.`}
            </p>
          ) : null}
          {done ? <AllDone done={done} /> : null}
          {/* All done says it already; warnings under it still get their list. */}
          {state.running || (done && done.advice === 0) ? null : (
            <AttentionSummary findings={state.findings} />
          )}
          <FindingGroups findings={state.findings} projectId={project.id} now={now} />
        </>
      ) : !state.running ? (
        <p className="empty">Not checked yet. Press “Check now” when your records are published.</p>
      ) : null}

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">Earlier checks</h2>
        <RunHistory projectId={project.id} refresh={historyKey} />
      </section>

      <StepFooter projectId={project.id} step="verify" />
    </section>
  );
}

/** A wait until the next watch run: seconds while short, minutes after. */
function waitText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} minutes` : `${Math.round(m / 60)} hours`;
}
