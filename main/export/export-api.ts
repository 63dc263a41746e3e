import { ApiError } from '../../shared/api/result';
import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { Plan, PlanInput } from '../../shared/model/plan';
import { validatePlan } from '../../shared/model/plan-validate';
import { recordsToPublish, type PublishedToday } from '../../shared/records/records-to-publish';
import { buildJsonExport } from './json-export';
import type { PaperSize } from './pdf-style';
import { buildSummaryPdf } from './summary-export';
import { buildZoneFile } from './zone-export';

/** A file for the renderer to save (Electron) or download (browser mode). */
export interface ExportedText {
  fileName: string;
  mimeType: string;
  text: string;
}

/** The PDF, as base64 because the contract carries JSON. */
export interface ExportedPdf {
  fileName: string;
  mimeType: 'application/pdf';
  base64: string;
}

// The contract checks the plan's shape; this checks its values and normalises them (IDN to
// punycode, canonical addresses), as `mailwright export --plan` does.
function checkedPlan(input: PlanInput): Plan {
  const r = validatePlan(input);
  if (!r.ok) throw new ApiError('bad-request', r.message, `plan.${r.field}`);
  return r.plan;
}

function fileStem(plan: Plan): string {
  return plan.domain.replace(/[^a-z0-9.-]/gi, '_');
}

/** export.pdf: the setup summary PDF of a plan and its last run. */
export async function exportPdf(req: {
  plan: PlanInput;
  published?: PublishedToday | null | undefined;
  run?: CheckDocument | undefined;
  paper?: PaperSize | undefined;
  message?: { checkedAt: string; document: CheckDocument } | undefined;
}): Promise<ExportedPdf> {
  const plan = checkedPlan(req.plan);
  const { records, zone, dmarc } = recordsToPublish(plan, req.published);
  const pdf = await buildSummaryPdf(plan, records, req.run, {
    paper: req.paper ?? 'a4',
    zone,
    ...(dmarc ? { dmarc } : {}),
    ...(req.message ? { message: req.message } : {}),
  });
  return {
    fileName: `mail-setup-${fileStem(plan)}.pdf`,
    mimeType: 'application/pdf',
    base64: Buffer.from(pdf).toString('base64'),
  };
}

/** export.zone: the BIND zone file of a plan's records. */
export async function exportZone(req: {
  plan: PlanInput;
  published?: PublishedToday | null | undefined;
}): Promise<ExportedText> {
  const plan = checkedPlan(req.plan);
  const { records, zone } = recordsToPublish(plan, req.published);
  return {
    fileName: `${fileStem(plan)}.zone`,
    mimeType: 'text/plain',
    text: buildZoneFile(plan, records, zone),
  };
}

/** export.json: the plan, what the domain publishes, the records to publish and the last run. */
export async function exportJson(req: {
  plan: PlanInput;
  published?: PublishedToday | null | undefined;
  run?: CheckDocument | undefined;
}): Promise<ExportedText> {
  const plan = checkedPlan(req.plan);
  return {
    fileName: `mailwright-${fileStem(plan)}.json`,
    mimeType: 'application/json',
    text: buildJsonExport(plan, recordsToPublish(plan, req.published), req.published, req.run),
  };
}
