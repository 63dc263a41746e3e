import type { TermId } from '../../shared/summary/glossary';
import { glossaryLines, termsIn } from '../../shared/summary/terms-in-text';
import type { PdfFlow } from './pdf-flow';
import { bullets, heading } from './pdf-heading';
import type { SetupSummary } from './setup-summary';

// The technical words the summary's findings, records and next steps use.
function summaryTerms(s: SetupSummary): TermId[] {
  return termsIn(
    ...[...s.problems, ...s.notes].flatMap((f) => [f.title, f.detail, f.fix]),
    ...s.records.flatMap((r) => [r.value, r.why]),
    ...s.ladder.flatMap((step) => [step.current, step.next]),
  );
}

/** A short glossary of the technical words the summary uses; nothing when it uses none. */
export function drawGlossary(flow: PdfFlow, s: SetupSummary): void {
  const ids = summaryTerms(s);
  if (ids.length === 0) return;
  heading(flow, 'Words used in this summary');
  bullets(flow, glossaryLines(ids));
}
