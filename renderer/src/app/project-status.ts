import type { ProjectSummary } from '../../../shared/model/project';
import type { ShownStatus } from '../../../shared/summary/status-words';

/** A project's status at a glance: the most urgent state as a badge, the counts in words. */
export interface ProjectStatus {
  status: ShownStatus;
  /** "2 to fix, 1 waiting for DNS, 3 suggestions" or "Every check passed". */
  counts: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The list's words for a project's newest run; "not checked" before any. */
export function projectStatus(lastRun: ProjectSummary['lastRun']): ProjectStatus {
  if (!lastRun) return { status: 'not-checked', counts: '' };
  const parts: string[] = [];
  if (lastRun.fail > 0) parts.push(`${lastRun.fail} to fix`);
  if (lastRun.pending > 0) parts.push(`${lastRun.pending} waiting for DNS`);
  if (lastRun.warn > 0) parts.push(plural(lastRun.warn, 'suggestion', 'suggestions'));
  if (lastRun.unknown > 0) parts.push(`${lastRun.unknown} could not be checked`);
  if (lastRun.cancelled) parts.push('check stopped early');
  const status: ShownStatus =
    lastRun.fail > 0
      ? 'fail'
      : lastRun.pending > 0
        ? 'pending'
        : lastRun.unknown > 0 || lastRun.cancelled
          ? 'unknown'
          : lastRun.warn > 0
            ? 'warn'
            : 'pass';
  return { status, counts: parts.length > 0 ? parts.join(', ') : 'Every check passed' };
}
