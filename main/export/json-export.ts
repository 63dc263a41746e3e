import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { Plan } from '../../shared/model/plan';
import { VERSION } from '../cli/version';

import { JSON_EXPORT_FORMAT } from '../../shared/model/plan-load';

export { JSON_EXPORT_FORMAT };

/** The export file: the plan and the last run (the same document as `check --json`). */
export interface JsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  formatVersion: 1;
  tool: 'mailwright';
  version: string;
  exportedAt: string;
  plan: Plan;
  /** The last verification run, or null when none was made. */
  run: CheckDocument | null;
}

/** The JSON export of a plan and its last run, as text (2-space indent, final newline). */
export function buildJsonExport(
  plan: Plan,
  run: CheckDocument | undefined,
  now: Date = new Date(),
): string {
  const doc: JsonExport = {
    format: JSON_EXPORT_FORMAT,
    formatVersion: 1,
    tool: 'mailwright',
    version: VERSION,
    exportedAt: now.toISOString(),
    plan,
    run: run ?? null,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
