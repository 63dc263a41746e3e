import { COLOR, MARGIN, type FontFace } from './pdf-style';
import { wrapText } from './pdf-wrap';

/** How one piece of text looks. */
export interface TextStyle {
  face?: FontFace;
  size: number;
  color?: string;
}

/** One laid-out line, ready to draw. */
export interface Line {
  text: string;
  face: FontFace;
  size: number;
  color: string;
  /** Offset from the column's left edge, in points. */
  indent: number;
  height: number;
}

/** Line height as a multiple of the font size. */
const LEADING = 1.32;

/**
 * A cursor that writes top to bottom and starts a new page when the next thing does not fit.
 * Everything is laid out line by line (pdfkit only draws), so the layout knows each line's
 * height before drawing it: nothing is ever drawn past the bottom margin or clipped.
 */
export class PdfFlow {
  y: number = MARGIN.top;
  /** Called after each page break, e.g. to repeat a table's header row. */
  private pageListeners: (() => void)[] = [];

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Left edge of the text column. */
  get left(): number {
    return MARGIN.left;
  }

  /** Width of the text column. */
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** Lowest y a line may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Height of a whole page's text area. */
  get pageBody(): number {
    return this.bottom - MARGIN.top;
  }

  /** Space left on this page. */
  remaining(): number {
    return this.bottom - this.y;
  }

  /** Start a new page and run the page listeners. */
  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
    for (const listener of [...this.pageListeners]) listener();
  }

  /** Break the page unless `height` fits (when it can fit on a fresh page at all). */
  ensure(height: number): void {
    if (height > this.remaining() && this.y > MARGIN.top) this.newPage();
  }

  /** Run `body` with a listener called on each page break inside it. */
  withPageListener(listener: () => void, body: () => void): void {
    this.pageListeners.push(listener);
    try {
      body();
    } finally {
      this.pageListeners = this.pageListeners.filter((l) => l !== listener);
    }
  }

  /** The line height of a font size. */
  lineHeight(size: number): number {
    return size * LEADING;
  }

  private select(face: FontFace, size: number): void {
    this.doc.font(face).fontSize(size);
  }

  /** Width of a string in a style. */
  measure(text: string, style: TextStyle): number {
    this.select(style.face ?? 'regular', style.size);
    return this.doc.widthOfString(text);
  }

  /** Lay text out into lines no wider than `width`. */
  wrap(text: string, style: TextStyle, width: number, indent = 0): Line[] {
    const face = style.face ?? 'regular';
    this.select(face, style.size);
    const measure = (t: string): number => this.doc.widthOfString(t);
    return wrapText(measure, text, width - indent).map((t) => ({
      text: t,
      face,
      size: style.size,
      color: style.color ?? COLOR.text,
      indent,
      height: this.lineHeight(style.size),
    }));
  }

  /** Draw one line at (x, y) without moving the cursor. */
  drawLine(line: Line, x: number, y: number): void {
    if (line.text === '') return;
    this.select(line.face, line.size);
    this.doc.fillColor(line.color).text(line.text, x + line.indent, y + line.size * 0.12, {
      lineBreak: false,
    });
  }

  /**
   * Write lines down the column. With keepTogether the block moves to a new page rather than
   * split, unless it is taller than a page.
   */
  write(lines: readonly Line[], keepTogether = false): void {
    const total = lines.reduce((sum, l) => sum + l.height, 0);
    if (keepTogether && total <= this.pageBody) this.ensure(total);
    for (const line of lines) {
      this.ensure(line.height);
      this.drawLine(line, this.left, this.y);
      this.y += line.height;
    }
  }

  /** Write a paragraph of text. */
  paragraph(
    text: string,
    style: TextStyle,
    options: { indent?: number; keep?: boolean } = {},
  ): void {
    this.write(this.wrap(text, style, this.width, options.indent ?? 0), options.keep ?? false);
  }

  /** Vertical space (dropped at the top of a page). */
  gap(height: number): void {
    if (this.y === MARGIN.top) return;
    this.y = Math.min(this.y + height, this.bottom);
  }

  /** A thin horizontal rule across the column. */
  rule(color: string = COLOR.rule): void {
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke();
  }
}
