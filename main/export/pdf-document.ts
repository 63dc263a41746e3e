import PDFDocument from 'pdfkit';
import { loadPdfFonts } from './font-files';
import { MARGIN, PDFKIT_SIZE, type PaperSize } from './pdf-style';

/** A pdfkit document with the summary's fonts and page set-up, and its bytes once ended. */
export interface OpenPdf {
  doc: PDFKit.PDFDocument;
  /** Resolves with the whole file after doc.end(). */
  bytes: Promise<Uint8Array>;
}

/** Document properties shown by PDF readers. */
export interface PdfInfo {
  title: string;
  subject: string;
  created: Date;
}

/**
 * Open a PDF on A4 or Letter with the embedded DejaVu faces registered as "regular" and
 * "bold", pages kept in memory so page numbers can be written at the end.
 */
export async function openPdf(paper: PaperSize, info: PdfInfo): Promise<OpenPdf> {
  const fonts = await loadPdfFonts();
  const doc = new PDFDocument({
    size: PDFKIT_SIZE[paper],
    // The flow does its own page breaks; a zero bottom margin keeps pdfkit from adding pages.
    margins: { top: MARGIN.top, bottom: 0, left: MARGIN.left, right: MARGIN.right },
    bufferPages: true,
    // pdfkit takes a parsed font here too (its types say only a path): no Helvetica is read.
    font: fonts.regular as unknown as string,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: 'Mailwright',
      Subject: info.subject,
      CreationDate: info.created,
    },
  });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
