import { COLOR, SIZE } from './pdf-style';
import type { PdfFlow } from './pdf-flow';

/** Space a heading needs below it on the same page, so it is never left alone at the bottom. */
const KEEP_WITH_NEXT = 70;

/** A section heading (level 1) or sub-heading (level 2), kept with what follows. */
export function heading(flow: PdfFlow, text: string, level: 1 | 2 = 1): void {
  const size = level === 1 ? SIZE.h1 : SIZE.h2;
  const lines = flow.wrap(text, { face: 'bold', size }, flow.width);
  const height = lines.reduce((s, l) => s + l.height, 0);
  flow.gap(level === 1 ? 10 : 6);
  flow.ensure(height + KEEP_WITH_NEXT);
  flow.write(lines);
  if (level === 1) {
    flow.y += 2;
    flow.rule(COLOR.text);
    flow.y += 6;
  } else {
    flow.y += 2;
  }
}

/** A paragraph of body text. */
export function body(
  flow: PdfFlow,
  text: string,
  options: { indent?: number; muted?: boolean } = {},
): void {
  flow.paragraph(
    text,
    { size: SIZE.body, color: options.muted ? COLOR.muted : COLOR.text },
    { indent: options.indent ?? 0 },
  );
}

function markedList(flow: PdfFlow, items: readonly string[], marker: (i: number) => string): void {
  items.forEach((text, i) => {
    const lines = flow.wrap(text, { size: SIZE.body }, flow.width, 14);
    const total = lines.reduce((s, l) => s + l.height, 0);
    if (total <= flow.pageBody) flow.ensure(total);
    const [first] = lines;
    if (first !== undefined)
      flow.drawLine({ ...first, text: marker(i), indent: 2 }, flow.left, flow.y);
    flow.write(lines);
    flow.y += 2;
  });
}

/** A bulleted list of short items. */
export function bullets(flow: PdfFlow, items: readonly string[]): void {
  markedList(flow, items, () => '•');
}

/** A numbered list of steps. */
export function numbered(flow: PdfFlow, items: readonly string[]): void {
  markedList(flow, items, (i) => `${i + 1}.`);
}
