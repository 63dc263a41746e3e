import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { Plan } from '../../shared/model/plan';
import { mtaStsSetup, type MtaStsSetup } from '../../shared/records/mtasts-setup';
import type { PlannedRecord } from '../../shared/records/planned-record';
import type { PlanOverview } from '../../shared/records/plan-records';
import type { PublishedToday } from '../../shared/records/records-to-publish';
import { VERSION } from '../cli/version';

import { JSON_EXPORT_FORMAT } from '../../shared/model/plan-load';

export { JSON_EXPORT_FORMAT };

/** The export file: the plan, what the domain published, the records to publish, the last run. */
export interface JsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  formatVersion: 1;
  tool: 'mailwright';
  version: string;
  exportedAt: string;
  plan: Plan;
  /** What the domain published when it was looked up (the records merge with it); null: not looked. */
  published: PublishedToday | null;
  /** The records to publish, each with its action (add, edit, delete, keep): the Records step's. */
  records: PlannedRecord[];
  /** Sentences about the plan as a whole (where mail is received in send-only mode...). */
  notes: string[];
  /** The MTA-STS policy file and how to serve it, when the plan chose MTA-STS (the Secure step's). */
  mtaSts?: MtaStsSetup;
  /** The last verification run, or null when none was made. */
  run: CheckDocument | null;
}

function withMtaSts(
  plan: Plan,
  published: PublishedToday | null | undefined,
  records: PlannedRecord[],
): { mtaSts?: MtaStsSetup } {
  const sts = mtaStsSetup(plan, published, records);
  return sts ? { mtaSts: sts } : {};
}

/** The JSON export of a plan, its records and its last run, as text (2-space indent, final newline). */
export function buildJsonExport(
  plan: Plan,
  overview: PlanOverview,
  published: PublishedToday | null | undefined,
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
    published: published ?? null,
    records: overview.records,
    notes: overview.notes,
    ...withMtaSts(plan, published, overview.records),
    run: run ?? null,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
