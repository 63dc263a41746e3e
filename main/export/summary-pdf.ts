import { drawCover } from './pdf-cover';
import { openPdf } from './pdf-document';
import { drawFindings } from './pdf-findings';
import { drawGlossary } from './pdf-glossary';
import { PdfFlow } from './pdf-flow';
import { drawNextSteps } from './pdf-next-steps';
import { drawPageNumbers } from './pdf-page-numbers';
import { drawRecords } from './pdf-records';
import { drawReverseDns } from './pdf-reverse-dns';
import type { PaperSize } from './pdf-style';
import type { SetupSummary } from './setup-summary';
import { drawSenderReadiness, type ReadinessSection } from './pdf-sender-readiness';

/** Options of the summary PDF. */
export interface SummaryPdfOptions {
  /** Paper size; A4 unless told. */
  paper?: PaperSize;
  /** The Gmail/Yahoo-ready table (from the last check and the last test message). */
  readiness?: ReadinessSection;
}

/**
 * Draw the setup summary as a PDF: cover, records, findings, reverse DNS, next steps, with the
 * DejaVu fonts embedded (only the glyphs used) so any name prints as typed and stays
 * selectable and searchable.
 */
export async function renderSummaryPdf(
  summary: SetupSummary,
  options: SummaryPdfOptions = {},
): Promise<Uint8Array> {
  const { doc, bytes } = await openPdf(options.paper ?? 'a4', {
    title: `Mail setup summary: ${summary.domain.unicode}`,
    subject: `DNS records and verification status for ${summary.domain.ascii}`,
    created: summary.generatedAt,
  });
  const flow = new PdfFlow(doc);
  drawCover(flow, summary);
  flow.newPage();
  drawRecords(flow, summary);
  flow.newPage();
  drawFindings(flow, summary);
  flow.gap(12);
  drawReverseDns(flow, summary);
  flow.gap(12);
  if (options.readiness) {
    drawSenderReadiness(flow, options.readiness);
    flow.gap(12);
  }
  drawNextSteps(flow, summary);
  flow.gap(12);
  drawGlossary(flow, summary);
  drawPageNumbers(flow, `Mail setup summary · ${summary.domain.unicode}`);
  doc.end();
  return bytes;
}
