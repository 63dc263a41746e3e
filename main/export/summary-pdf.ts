import PDFDocument from 'pdfkit';
import { loadPdfFonts } from './font-files';
import { drawCover } from './pdf-cover';
import { drawFindings } from './pdf-findings';
import { PdfFlow } from './pdf-flow';
import { drawNextSteps } from './pdf-next-steps';
import { drawPageNumbers } from './pdf-page-numbers';
import { drawRecords } from './pdf-records';
import { drawReverseDns } from './pdf-reverse-dns';
import { MARGIN, PDFKIT_SIZE, type PaperSize } from './pdf-style';
import type { SetupSummary } from './setup-summary';

/** Options of the summary PDF. */
export interface SummaryPdfOptions {
  /** Paper size; A4 unless told. */
  paper?: PaperSize;
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
  const fonts = await loadPdfFonts();
  const doc = new PDFDocument({
    size: PDFKIT_SIZE[options.paper ?? 'a4'],
    // The flow does its own page breaks; a zero bottom margin keeps pdfkit from adding pages.
    margins: { top: MARGIN.top, bottom: 0, left: MARGIN.left, right: MARGIN.right },
    bufferPages: true,
    // pdfkit takes a parsed font here too (its types say only a path): no Helvetica is read.
    font: fonts.regular as unknown as string,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Mail setup summary: ${summary.domain.unicode}`,
      Author: 'Mailwright',
      Subject: `DNS records and verification status for ${summary.domain.ascii}`,
      CreationDate: summary.generatedAt,
    },
  });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
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
  drawNextSteps(flow, summary);
  drawPageNumbers(flow, `Mail setup summary · ${summary.domain.unicode}`);

  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
