import type { CheckId } from '../../shared/checks/catalogue';
import type { Finding } from '../../shared/checks/finding';
import type { VerifyProgress } from '../../shared/checks/verify-progress';
import { unknownFinding } from '../../shared/checks/finding-make';
import { withCapNotes } from '../../shared/checks/cap-notes';

/** What one run has started and found, and the progress stream that tells of it. */
export interface RunLedger {
  findings: Finding[];
  /** Say a check began for a subject. */
  start(check: CheckId, subject: string): void;
  /** Record one finding (with its cap notes) and stream it. */
  emit(judged: Finding): void;
  progress(event: VerifyProgress): void;
  /**
   * Started (check, subject) pairs with no finding. A check whose findings name subjects it never
   * started (e.g. started for the domain, reported per MX target) is taken as finished.
   */
  unfinished(): { check: CheckId; subject: string }[];
  /** Runs a group; if it throws, its unfinished checks end `unknown` with the error. */
  guard(checks: readonly CheckId[], run: () => Promise<void>): Promise<void>;
}

const pairKey = (check: string, subject: string): string => `${check}\u0000${subject}`;

/** A fresh ledger streaming to `onProgress` (a listener that throws does not break the run). */
export function createRunLedger(onProgress?: (event: VerifyProgress) => void): RunLedger {
  const findings: Finding[] = [];
  // Tracked per check AND subject: a group that stops after its first address must still
  // leave an `unknown` for the second one, never silence.
  const started = new Map<string, { check: CheckId; subject: string }>();
  const finished = new Set<string>();
  const progress = (e: VerifyProgress): void => {
    try {
      onProgress?.(e);
    } catch {
      // A listener that throws must not break the run.
    }
  };
  const emit = (judged: Finding): void => {
    const f = withCapNotes(judged);
    findings.push(f);
    finished.add(pairKey(f.check, f.subject));
    progress({ type: 'check-finished', finding: f });
  };
  const unfinished = (): { check: CheckId; subject: string }[] => {
    const foreign = new Set(
      findings.filter((f) => !started.has(pairKey(f.check, f.subject))).map((f) => f.check),
    );
    return [...started]
      .filter(([key, { check }]) => !finished.has(key) && !foreign.has(check))
      .map(([, pair]) => pair);
  };
  return {
    findings,
    start: (check, subject) => {
      const key = pairKey(check, subject);
      if (!started.has(key)) started.set(key, { check, subject });
      progress({ type: 'check-started', check, subject });
    },
    emit,
    progress,
    unfinished,
    guard: async (checks, run) => {
      try {
        await run();
      } catch (e) {
        for (const { check, subject } of unfinished()) {
          if (checks.includes(check))
            emit(
              unknownFinding(
                check,
                subject,
                `the check stopped with an error (${(e as Error).message})`,
              ),
            );
        }
      }
    },
  };
}
