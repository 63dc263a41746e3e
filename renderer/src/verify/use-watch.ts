import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { whenWords } from '../../../shared/summary/date-words';
import { countsText } from './RunHistory';
import { runChanges } from './run-changes';
import { allGreen, nextWatchDelay, watchTimingFrom } from './watch-schedule';
import { notifyChange } from './notify';

/** What the watch loop needs from the Verify screen. */
interface WatchInputs {
  /** One run; resolves with its document, or null when it could not be made. */
  run: () => Promise<CheckDocument | null>;
  projectName: string;
  /** Called after every run, so the history below refreshes. */
  onRun: () => void;
}

function changesWords(changes: readonly { sentence: string }[]): string {
  return `${changes.length} change${changes.length === 1 ? '' : 's'}`;
}

/**
 * Checking and watching: "Check now" runs once (and, while watching, re-plans the next run from
 * its result); watching re-checks when the nearest pending record's ETA runs out, or backs off
 * when nothing waits, and stops once nothing fails, waits or could not be checked.
 */
export function useWatch({ run, projectName, onRun }: WatchInputs) {
  const [watching, setWatching] = useState(false);
  const [nextAt, setNextAt] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const previous = useRef<CheckDocument | null>(null);
  const unchangedRuns = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const timing = useRef(watchTimingFrom(window.location.search));
  const watchingRef = useRef(false);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clearTimer, []);

  const stopWatching = useCallback((why: string) => {
    clearTimer();
    watchingRef.current = false;
    setWatching(false);
    setNextAt(null);
    setAnnounce(why);
  }, []);

  /** Plan the next watch run after `doc`, or stop when all is green. */
  const planNext = useCallback(
    (doc: CheckDocument, changes: number, counts: string, recheck: () => void) => {
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
        `${changes > 0 ? `${changes} change${changes === 1 ? '' : 's'} since the last check. ` : ''}${counts}. Next check at ${whenWords(new Date(at))}.`,
      );
      timer.current = setTimeout(recheck, delay);
    },
    [stopWatching],
  );

  const checkOnce = useCallback(
    async (watch: boolean): Promise<void> => {
      clearTimer();
      setNextAt(null);
      setAnnounce(watch ? 'Checking again…' : 'Checking…');
      const doc = await run();
      onRun();
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
        if (watch) return stopWatching(`Stopped. ${counts}.`);
        return setAnnounce(`Check stopped before the end: ${counts}.`);
      }
      if (changes.length > 0 && watch) {
        const words = `${changesWords(changes)}: ${changes
          .slice(0, 3)
          .map((c) => c.sentence)
          .join(' ')}`;
        void notifyChange(`Mailwright: ${projectName}`, words);
      }
      if (!watch) return setAnnounce(`Check finished: ${counts}.`);
      planNext(doc, changes.length, counts, () => void checkOnce(true));
    },
    [run, onRun, stopWatching, planNext, projectName],
  );

  const startWatching = (running: boolean) => {
    setWatching(true);
    watchingRef.current = true;
    unchangedRuns.current = 0;
    if (typeof Notification !== 'undefined' && Notification.permission === 'default')
      void Notification.requestPermission().catch(() => undefined);
    if (!running) void checkOnce(true);
  };

  /** "Check now": always there; while watching it checks at once and re-plans the next one. */
  const checkNow = () => void checkOnce(watchingRef.current);

  /** The run shown when the screen opens: later runs compare with it. */
  const remember = useCallback((doc: CheckDocument) => {
    previous.current = doc;
  }, []);

  return { watching, nextAt, announce, startWatching, stopWatching, checkNow, remember };
}
