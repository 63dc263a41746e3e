import { useCallback, useEffect, useRef, useState } from 'react';
import { whenWords } from '../../../shared/summary/date-words';
import type { Project } from '../../../shared/model/project';
import { summarize } from '../../../shared/checks/status';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { api } from '../state/api-ref';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useVerifyRun } from '../verify/use-verify-run';
import { FindingGroups } from '../verify/FindingGroups';
import { RunHistory, countsText } from '../verify/RunHistory';
import { runChanges } from '../verify/run-changes';
import { allGreen, nextWatchDelay, watchTimingFrom } from '../verify/watch-schedule';
import { notifyChange } from '../verify/notify';
import { AttentionSummary } from '../verify/AttentionSummary';

/** The Verify step: check everything now, watch until it all passes, and see earlier checks. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function VerifyStep({ project }: { project: Project }) {
  const { state, run, cancel, show } = useVerifyRun(project.id);
  const [watching, setWatching] = useState(false);
  const [nextAt, setNextAt] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const [historyKey, setHistoryKey] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const previous = useRef<CheckDocument | null>(null);
  const unchangedRuns = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const timing = useRef(watchTimingFrom(window.location.search));
  const watchingRef = useRef(false);

  // The last stored run is shown at once, so reopening the step does not look empty.
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await api().call('runs.list', { projectId: project.id });
      const last = list.ok ? list.value.runs[0] : undefined;
      if (!last) return;
      const doc = await api().call('runs.get', { projectId: project.id, runId: last.id });
      if (live && doc.ok) {
        previous.current = doc.value;
        show(doc.value);
      }
    })();
    return () => {
      live = false;
    };
  }, [project.id, show]);

  // "In N minutes" stays true while the screen is open.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const stopWatching = useCallback((why: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    watchingRef.current = false;
    setWatching(false);
    setNextAt(null);
    setAnnounce(why);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  /** One run; in watch mode, compare with the last one, tell the user, and plan the next. */
  const checkOnce = useCallback(
    async (watch: boolean) => {
      setNextAt(null);
      setAnnounce(watch ? 'Checking again…' : 'Checking…');
      const doc = await run();
      setHistoryKey((k) => k + 1);
      // The user may have stopped watching while this run was on its way.
      if (watch && !watchingRef.current) return;
      if (!doc) {
        if (watch) stopWatching('Watching stopped: the check could not run.');
        return;
      }
      const changes = previous.current ? runChanges(previous.current.findings, doc.findings) : [];
      previous.current = doc;
      unchangedRuns.current = changes.length === 0 ? unchangedRuns.current + 1 : 0;
      const counts = countsText(doc.summary);
      if (doc.cancelled) {
        if (watch) stopWatching(`Stopped. ${counts}.`);
        else setAnnounce(`Check stopped before the end: ${counts}.`);
        return;
      }
      if (changes.length > 0 && watch) {
        const words = `${changes.length} change${changes.length === 1 ? '' : 's'}: ${changes
          .slice(0, 3)
          .map((c) => c.sentence)
          .join(' ')}`;
        void notifyChange(`Mailwright: ${project.name}`, words);
      }
      if (!watch) return setAnnounce(`Check finished: ${counts}.`);
      if (allGreen(doc.findings))
        return stopWatching(
          doc.summary.warn > 0
            ? `Nothing fails or waits for DNS any more (${counts}). Read the warnings below. Watching stopped.`
            : `Everything passes (${counts}). Watching stopped.`,
        );
      const delay = nextWatchDelay(doc.findings, Date.now(), unchangedRuns.current, timing.current);
      const at = Date.now() + delay;
      setNextAt(at);
      setAnnounce(
        `${changes.length > 0 ? `${changes.length} change${changes.length === 1 ? '' : 's'} since the last check. ` : ''}${counts}. Next check at ${whenWords(new Date(at))}.`,
      );
      timer.current = setTimeout(() => void checkOnce(true), delay);
    },
    [run, stopWatching, project.name],
  );

  const startWatching = () => {
    setWatching(true);
    watchingRef.current = true;
    unchangedRuns.current = 0;
    if (typeof Notification !== 'undefined' && Notification.permission === 'default')
      void Notification.requestPermission().catch(() => undefined);
    if (!state.running) void checkOnce(true);
  };

  const summary = summarize(state.findings);
  return (
    <section aria-labelledby="step-title" className="verify">
      <h1 id="step-title">Verify</h1>
      <p className="lead">
        We look up every record you planned, the way other mail servers will, and tell you what is
        right, what is wrong and what to do. Changes to <Term id="dns" /> take a while to reach
        everyone: how long is set by each record&apos;s <Term id="ttl" />.
      </p>

      <div className="verify-actions">
        {state.running ? (
          <button type="button" className="danger" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={() => void checkOnce(false)} disabled={watching}>
            {state.document ? 'Check again' : 'Check now'}
          </button>
        )}
        {watching ? (
          <button
            type="button"
            className="secondary"
            onClick={() => stopWatching('Watching stopped.')}
          >
            Stop watching
          </button>
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={startWatching}
            disabled={state.running}
          >
            Watch until everything passes
          </button>
        )}
      </div>

      <div className="verify-status" role="status" aria-live="polite" data-testid="verify-status">
        {state.running
          ? `Checking… ${state.findings.length} check${state.findings.length === 1 ? '' : 's'} done.${state.note ? ` ${state.note}` : ''}`
          : announce}
      </div>
      {watching && nextAt && !state.running ? (
        <p className="muted" data-testid="next-check">
          Watching. Next check in {Math.max(0, Math.round((nextAt - now) / 1000))} s.
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
              {announce ? '.' : `: ${countsText(summary)}.`}
            </p>
          ) : null}
          {state.running ? null : <AttentionSummary findings={state.findings} />}
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
