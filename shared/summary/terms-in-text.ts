import { TERMS, type TermId } from './glossary';

/**
 * The technical words that stay in findings and fixes (a receiver's "permerror", the HELO
 * greeting, "~all"...), with how each is recognised in a text. Common words the wizard explains
 * in its own sentences (DNS, TXT) are left out: explaining them under every finding is noise.
 */
const IN_FINDINGS: readonly [TermId, RegExp][] = [
  ['permerror', /\bpermerror\b/i],
  ['helo', /\b(?:HELO|EHLO)\b/],
  ['starttls', /\bSTARTTLS\b/i],
  ['softfail', /~all\b/],
  ['pnone', /\bp=none\b/],
  ['selector', /\bselector\b/i],
];

/** The glossary terms a text uses, in glossary order, each once. */
export function termsIn(...texts: readonly (string | undefined)[]): TermId[] {
  const all = texts.filter((t): t is string => t !== undefined).join('\n');
  return IN_FINDINGS.filter(([, pattern]) => pattern.test(all)).map(([id]) => id);
}

/** "label: explanation" for each term, as the PDF's glossary lists them. */
export function glossaryLines(ids: readonly TermId[]): string[] {
  return ids.map((id) => `${TERMS[id].label}: ${TERMS[id].text}`);
}
