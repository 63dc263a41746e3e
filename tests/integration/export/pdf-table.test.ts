import { describe, expect, it } from 'vitest';
import { openPdf } from '../../../main/export/pdf-document';
import { PdfFlow } from '../../../main/export/pdf-flow';
import { drawPageNumbers } from '../../../main/export/pdf-page-numbers';
import { MARGIN } from '../../../main/export/pdf-style';
import { drawTable, type TableRow } from '../../../main/export/pdf-table';
import { pdfInfo, pdfText, saveArtifacts, squash, wordBoxes } from './pdf-tools';

async function tablePdf(name: string, rows: TableRow[]): Promise<{ file: string; text: string }> {
  const { doc, bytes } = await openPdf('a4', { title: name, subject: name, created: new Date(0) });
  const flow = new PdfFlow(doc);
  flow.paragraph('Table test', { size: 14, face: 'bold' });
  drawTable(
    flow,
    [
      { header: 'Key', weight: 20 },
      { header: 'Long text', weight: 60 },
      { header: 'State', weight: 20 },
    ],
    rows,
  );
  drawPageNumbers(flow, name);
  doc.end();
  const file = await saveArtifacts(name, await bytes);
  return { file, text: await pdfText(file) };
}

describe('PDF tables', () => {
  it('move a row that does not fit to the next page whole, under a repeated header', async () => {
    const rows: TableRow[] = Array.from({ length: 60 }, (_, i) => [
      [{ text: `row-${i}` }],
      [{ text: `Line one of row ${i}.\nLine two of row ${i}.\nLine three of row ${i}.` }],
      [{ text: `state-${i}` }],
    ]);
    const { text } = await tablePdf('table-many-rows', rows);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page).toContain('Key Long text State');
      // Each row's three lines stay together on one page.
      for (const m of page.matchAll(/Line one of row (\d+)\./g)) {
        expect(page).toContain(`Line three of row ${m[1]}.`);
      }
    }
    for (let i = 0; i < 60; i += 1) expect(text).toContain(`state-${i}`);
  });

  it('continues a row taller than a page line by line, marked "continued", nothing off the page', async () => {
    const giant = Array.from({ length: 150 }, (_, i) => `giant line ${i}`).join('\n');
    const { file, text } = await tablePdf('table-giant-row', [
      [[{ text: 'small' }], [{ text: 'short' }], [{ text: 'ok' }]],
      [[{ text: 'big' }], [{ text: giant }], [{ text: 'long' }]],
      [[{ text: 'after' }], [{ text: 'short again' }], [{ text: 'ok' }]],
    ]);
    const info = await pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('big (continued)');
    const flat = squash(text);
    for (let i = 0; i < 150; i += 1) expect(flat).toContain(`giantline${i}`);
    const outside = (await wordBoxes(file)).filter(
      (b) => b.yMax > b.pageHeight - 20 || b.xMax > b.pageWidth - MARGIN.right + 1,
    );
    expect(outside).toEqual([]);
  });
});
