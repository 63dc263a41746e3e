import { isoWords } from '../../shared/summary/date-words';
import type { Line, PdfFlow } from './pdf-flow';
import { body, heading } from './pdf-heading';
import { COLOR, SIZE, STATUS_COLOR } from './pdf-style';
import { drawTable } from './pdf-table';
import type { FindingItem, SetupSummary } from './setup-summary';
import { STATUS_HEADINGS } from '../../shared/summary/status-words';

function findingLines(flow: PdfFlow, f: FindingItem): Line[] {
  const indent = 10;
  const lines: Line[] = [
    ...flow.wrap(
      f.title,
      {
        face: 'bold',
        size: SIZE.body,
        color: STATUS_COLOR[f.status],
      },
      flow.width,
    ),
    ...flow.wrap(
      `${f.checkTitle} · about ${f.subject}`,
      { size: SIZE.small, color: COLOR.muted },
      flow.width,
      indent,
    ),
    ...flow.wrap(f.detail, { size: SIZE.body }, flow.width, indent),
    ...(f.alike ?? []).flatMap((a) => [
      ...flow.wrap(
        `${a.checkTitle} · about ${a.subject}`,
        { size: SIZE.small, color: COLOR.muted },
        flow.width,
        indent,
      ),
      ...flow.wrap(a.detail, { size: SIZE.body }, flow.width, indent),
    ]),
  ];
  if (f.eta !== undefined) {
    lines.push(
      ...flow.wrap(
        `Expected to be visible everywhere by ${isoWords(f.eta)}.`,
        { size: SIZE.body },
        flow.width,
        indent,
      ),
    );
  }
  if (f.fix !== undefined) {
    lines.push(
      ...flow.wrap(`What to do: ${f.fix}`, { size: SIZE.body, face: 'bold' }, flow.width, indent),
    );
  }
  return lines;
}

// The checker often words a pass like the catalogue's title; repeating it adds nothing.
function sameWords(a: string, b: string): boolean {
  const norm = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** How many checks a heading covers: folded ones count for themselves. */
function countOf(problems: readonly FindingItem[], status: FindingItem['status']): number {
  return problems
    .filter((p) => p.status === status)
    .reduce((n, p) => n + 1 + (p.alike?.length ?? 0), 0);
}

/** The findings: each problem in full with its fix, then the information, then passes compactly. */
export function drawFindings(flow: PdfFlow, s: SetupSummary): void {
  heading(flow, 'Findings');
  if (!s.counts) {
    body(
      flow,
      'No check has been run yet, so there are no findings. Run a check and export this summary again.',
    );
    return;
  }
  if (s.problems.length === 0) {
    body(flow, 'No problems were found.');
  }
  let last: FindingItem['status'] | undefined;
  for (const f of s.problems) {
    if (f.status !== last) {
      heading(flow, `${STATUS_HEADINGS[f.status]} (${countOf(s.problems, f.status)})`, 2);
      last = f.status;
    }
    flow.write(findingLines(flow, f), true);
    flow.gap(6);
  }
  if (s.notes.length > 0) {
    heading(flow, `${STATUS_HEADINGS.info} (${s.notes.length})`, 2);
    for (const f of s.notes) {
      flow.write(
        [
          ...flow.wrap(f.title, { face: 'bold', size: SIZE.body }, flow.width),
          // Several notes can share a title (one per DKIM key): the subject tells them apart.
          ...flow.wrap(
            `${f.checkTitle} · about ${f.subject}`,
            { size: SIZE.small, color: COLOR.muted },
            flow.width,
            10,
          ),
          ...flow.wrap(f.detail, { size: SIZE.body }, flow.width, 10),
        ],
        true,
      );
      flow.gap(4);
    }
  }
  if (s.passes.length > 0) {
    heading(flow, `${STATUS_HEADINGS.pass} (${s.passes.length})`, 2);
    drawTable(
      flow,
      [
        { header: 'Check', weight: 40 },
        { header: 'About', weight: 22 },
        { header: 'Result', weight: 38 },
      ],
      s.passes.map((f) => [
        // The check id is for tools (the JSON export has it); the reader gets the title.
        [{ text: f.checkTitle }],
        [{ text: f.subject }],
        [{ text: sameWords(f.title, f.checkTitle) ? 'Passed' : f.title }],
      ]),
    );
  }
}
