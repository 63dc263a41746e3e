import type { CheckDocument } from '../../shared/checks/verify-progress';
import { exitStatus } from '../verify/check-document';
import { humanReport, useColour } from './check-human-output';

/**
 * Runs `work` with a signal that Ctrl+C aborts: the run then ends with what it has, marked
 * cancelled, instead of the process dying mid-report.
 */
export async function untilCtrlC<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort(new Error('cancelled by Ctrl+C'));
  process.once('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Prints a check document (the JSON, or the report for a person) and sets the exit status from it. */
export function printCheckDocument(doc: CheckDocument, json: boolean | undefined): void {
  process.stdout.write(
    json ? `${JSON.stringify(doc, null, 2)}\n` : humanReport(doc, useColour(process.stdout)),
  );
  process.exitCode = exitStatus(doc);
}
