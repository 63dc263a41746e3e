import { senderReadiness } from '../../shared/summary/sender-requirements';
import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { Plan } from '../../shared/model/plan';
import type { PlannedRecord } from '../../shared/records/planned-record';
import type { DmarcCoverage } from '../../shared/records/dmarc-coverage';
import type { PaperSize } from './pdf-style';
import { port25RequestFor, ptrRequestFor, vpsHostName } from './provider-requests';
import { buildSetupSummary, type SetupSummary } from './setup-summary';
import { renderSummaryPdf } from './summary-pdf';

/** Options of buildSummaryPdf. */
export interface SummaryExportOptions {
  paper?: PaperSize;
  /** "Now", for the cover's "made on" line and dates without a run (tests pin it). */
  now?: Date;
  /** The last test message's result (the "Ready for Gmail and Yahoo" table uses it). */
  message?: { checkedAt: string; document: CheckDocument };
  /** The zone the records are typed into (recordsToPublish's overview.zone). */
  zone?: string;
  /** Which DMARC record applies to a subdomain plan (recordsToPublish's overview.dmarc). */
  dmarc?: DmarcCoverage;
}

/** The summary data for a plan, its planned records and its last run (undefined: none yet). */
export function summaryFor(
  plan: Plan,
  records: readonly PlannedRecord[],
  run: CheckDocument | undefined,
  now: Date = new Date(),
  overview: Pick<SummaryExportOptions, 'zone' | 'dmarc'> = {},
): SetupSummary {
  const input: Parameters<typeof buildSetupSummary>[0] = { plan, records, generatedAt: now };
  if (overview.zone !== undefined) input.zone = overview.zone;
  if (overview.dmarc !== undefined) input.dmarcApplies = overview.dmarc.sentence;
  if (run !== undefined) input.run = run;
  const ptr = ptrRequestFor(plan);
  if (ptr !== undefined) input.ptrRequest = ptr;
  const port25 = port25RequestFor(plan);
  if (port25 !== undefined) input.port25Request = port25;
  const vps = vpsHostName(plan);
  if (vps !== undefined) input.vpsHostName = vps;
  return buildSetupSummary(input);
}

/**
 * The setup summary PDF of a plan: the records to publish (recordsToPublish: the plan merged
 * with what the domain publishes today, as the Records step shows them), the last verification
 * run (none: the cover says "Not verified yet"), the provider requests. Returns the PDF's bytes.
 */
export function buildSummaryPdf(
  plan: Plan,
  records: readonly PlannedRecord[],
  run: CheckDocument | undefined,
  options: SummaryExportOptions = {},
): Promise<Uint8Array> {
  const summary = summaryFor(plan, records, run, options.now, options);
  const readiness = {
    rows: senderReadiness(run?.findings ?? null, options.message?.document.findings ?? null),
    ...(options.message ? { messageCheckedAt: options.message.checkedAt } : {}),
  };
  return renderSummaryPdf(summary, {
    readiness,
    ...(options.paper === undefined ? {} : { paper: options.paper }),
  });
}
