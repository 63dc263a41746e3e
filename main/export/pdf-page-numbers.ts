import type { PdfFlow } from './pdf-flow';
import { COLOR, MARGIN, SIZE } from './pdf-style';

/** "Page 2 of 5" on every page, with the domain on the left: written once all pages exist. */
export function drawPageNumbers(flow: PdfFlow, footerLeft: string): void {
  const doc = flow.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 20;
    const label = `Page ${i - range.start + 1} of ${range.count}`;
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted);
    const labelWidth = doc.widthOfString(label);
    doc.text(label, doc.page.width - MARGIN.right - labelWidth, y, { lineBreak: false });
    const room = doc.page.width - MARGIN.left - MARGIN.right - labelWidth - 20;
    const [left] = flow.wrap(footerLeft, { size: SIZE.small, color: COLOR.muted }, room);
    if (left) flow.drawLine(left, MARGIN.left, y - SIZE.small * 0.12);
  }
}
