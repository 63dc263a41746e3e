/**
 * Checks that could not run for one reason (a dead network, a silent resolver) all say the same
 * "could not be checked" with the same fix. Listed one by one they bury the one real problem
 * under dozens of identical lines; folded, they read as one line that names every check.
 */

/** A finding shown once, with the findings that said exactly the same thing. */
export interface FoldedFinding<T> {
  finding: T;
  /** Other unknown findings with the same title and fix, in their order. */
  alike: T[];
}

/** Folds unknown findings with the same title and fix into the first of them; order is kept. */
export function foldAlikeUnknowns<T extends { status: string; title: string; fix?: string }>(
  findings: readonly T[],
): FoldedFinding<T>[] {
  const out: FoldedFinding<T>[] = [];
  const byWords = new Map<string, FoldedFinding<T>>();
  for (const f of findings) {
    const key = f.status === 'unknown' ? `${f.title}\u0000${f.fix ?? ''}` : undefined;
    const first = key === undefined ? undefined : byWords.get(key);
    if (first) {
      first.alike.push(f);
      continue;
    }
    const folded: FoldedFinding<T> = { finding: f, alike: [] };
    if (key !== undefined) byWords.set(key, folded);
    out.push(folded);
  }
  return out;
}
