import { COLOR, SIZE } from './pdf-style';
import type { Line, PdfFlow, TextStyle } from './pdf-flow';

/** One column: its header and its share of the table's width. */
export interface TableColumn {
  header: string;
  /** Relative width; the columns' weights are scaled to the column width. */
  weight: number;
}

/** One piece of a cell: a paragraph in a style. */
export interface CellPart {
  text: string;
  style?: Partial<TextStyle>;
}

/** A cell: paragraphs stacked top to bottom. */
export type TableCell = CellPart[];

/** A row: one cell per column. */
export type TableRow = TableCell[];

const PAD_X = 4;
const PAD_Y = 3;

interface LaidRow {
  cells: Line[][];
  height: number;
}

function cellHeight(lines: readonly Line[]): number {
  return lines.reduce((sum, l) => sum + l.height, 0) + 2 * PAD_Y;
}

/**
 * Draw a table that breaks across pages cleanly: the header row is repeated on every page, a
 * row that fits on a page is never split, and a row taller than a whole page (it would take a
 * very long value) continues on the next page line by line, marked "continued".
 */
export function drawTable(
  flow: PdfFlow,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
): void {
  const totalWeight = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / totalWeight) * flow.width);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const base: TextStyle = { size: SIZE.table };

  const layCell = (cell: TableCell, width: number): Line[] =>
    cell.flatMap((part) => flow.wrap(part.text, { ...base, ...part.style }, width - 2 * PAD_X));

  const header: Line[][] = columns.map((c, i) =>
    layCell([{ text: c.header, style: { face: 'bold' } }], widths[i] ?? 0),
  );
  const headerHeight = Math.max(...header.map(cellHeight));

  const drawRow = (row: LaidRow, fill?: string): void => {
    if (fill !== undefined) {
      flow.doc.rect(flow.left, flow.y, flow.width, row.height).fill(fill);
    }
    row.cells.forEach((lines, i) => {
      let y = flow.y + PAD_Y;
      for (const line of lines) {
        flow.drawLine(line, (xs[i] ?? 0) + PAD_X, y);
        y += line.height;
      }
    });
    flow.y += row.height;
    flow.rule();
  };

  const drawHeader = (): void => {
    drawRow({ cells: header, height: headerHeight }, COLOR.headerFill);
  };

  flow.withPageListener(drawHeader, () => {
    // Keep the header with at least the first row.
    const firstRows = rows.slice(0, 1).map((r) => r.map((c, i) => layCell(c, widths[i] ?? 0)));
    const firstHeight = firstRows[0] ? Math.max(...firstRows[0].map(cellHeight)) : 0;
    flow.ensure(headerHeight + Math.min(firstHeight, flow.pageBody / 2));
    drawHeader();
    rows.forEach((row, index) => {
      const fill = index % 2 === 1 ? COLOR.zebra : undefined;
      let cells = row.map((c, i) => layCell(c, widths[i] ?? 0));
      let height = Math.max(...cells.map(cellHeight));
      if (height <= flow.pageBody - headerHeight) {
        if (height > flow.remaining()) flow.newPage();
        drawRow({ cells, height }, fill);
        return;
      }
      // Taller than a page: fill what is left, then continue after the repeated header, the
      // first cell saying which row goes on.
      const label = `${cells[0]?.[0]?.text ?? ''} (continued)`.trim();
      for (;;) {
        const room = flow.remaining() - 2 * PAD_Y;
        const now: Line[][] = [];
        const later: Line[][] = [];
        for (const lines of cells) {
          let used = 0;
          let cut = 0;
          while (cut < lines.length && used + (lines[cut]?.height ?? 0) <= room) {
            used += lines[cut]?.height ?? 0;
            cut += 1;
          }
          now.push(lines.slice(0, cut));
          later.push(lines.slice(cut));
        }
        const nowHeight = Math.max(...now.map(cellHeight));
        drawRow({ cells: now, height: nowHeight }, fill);
        if (later.every((l) => l.length === 0)) break;
        flow.newPage();
        const more = flow.wrap(
          label,
          { size: SIZE.small, color: COLOR.muted },
          (widths[0] ?? 0) - 2 * PAD_X,
        );
        cells = later.map((l, i) => (i === 0 ? [...more, ...l] : l));
        height = Math.max(...cells.map(cellHeight));
        if (height <= flow.remaining()) {
          drawRow({ cells, height }, fill);
          break;
        }
      }
    });
  });
}
