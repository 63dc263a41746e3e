import { countWords } from './dns-limits';
import type { Finding } from './finding';

/** Cap sentences written out in one finding; the rest are counted. */
const MAX_SENTENCES = 3;

/** A lookup as lookupEvidence writes it, seen from outside (evidence is untyped). */
interface EvidenceLookup {
  name: string;
  type: string;
  answers: { records?: unknown[]; recordsNotShown?: number; recordsOmitted?: number }[];
}

function isEvidenceLookup(v: unknown): v is EvidenceLookup {
  const o = v as Partial<EvidenceLookup> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.name === 'string' &&
    typeof o.type === 'string' &&
    Array.isArray(o.answers)
  );
}

/** Every sentence "NAME publishes N TYPE records: only the first K were read." in `evidence`. */
function capSentences(evidence: unknown, out: Set<string>, depth = 0): void {
  if (depth > 6 || typeof evidence !== 'object' || evidence === null) return;
  if (isEvidenceLookup(evidence)) {
    for (const a of evidence.answers) {
      if (!a.recordsOmitted) continue;
      const kept = (a.records?.length ?? 0) + (a.recordsNotShown ?? 0);
      out.add(
        `${evidence.name} publishes ${countWords(kept + a.recordsOmitted)} ${evidence.type} records: only the first ${countWords(kept)} were read.`,
      );
    }
    return;
  }
  for (const v of Array.isArray(evidence) ? evidence : Object.values(evidence))
    capSentences(v, out, depth + 1);
}

/**
 * A finding judged from an answer the DNS layer cut at its cap (shared/checks/dns-limits.ts)
 * says so in its detail, so "the first 100 were read" is never taken for "all were read".
 */
export function withCapNotes(finding: Finding): Finding {
  const sentences = new Set<string>();
  capSentences(finding.evidence, sentences);
  const fresh = [...sentences].filter((s) => !finding.detail.includes(s));
  if (fresh.length === 0) return finding;
  // A thousand capped answers must not make a thousand sentences: a few, then the count.
  const shown = fresh.slice(0, MAX_SENTENCES);
  const rest = fresh.length - shown.length;
  const more = rest > 0 ? ` ${countWords(rest)} more answers were cut at the same limits.` : '';
  return { ...finding, detail: `${finding.detail}\n${shown.join(' ')}${more}` };
}
