import type { CheckId } from './catalogue';
import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import { publishedAnswers, type Lookup, type ObservedAnswer } from './dns-observation';
import type { EvalContext } from './eval-context';
import { judgeVisibility, waitWords, type Visibility } from './visibility';

/**
 * "Is it visible everywhere", said once for every record check: whether every resolver sees
 * the set of values the DNS host publishes, and the pending finding when some do not yet.
 */

/**
 * Judge a record kind whose values (the DKIM key texts, the DMARC texts...) are known only from
 * what the DNS host publishes: good where a view shows that same set, sorted. `want` is that set.
 */
export function judgeSameValues(
  lookup: Lookup,
  valuesOf: (answer: ObservedAnswer) => string[],
  ctx: EvalContext,
): { v: Visibility; want: string[] } {
  const first = publishedAnswers(lookup).answers[0]?.answer;
  const want = first ? valuesOf(first) : [];
  const v = judgeVisibility(
    lookup,
    (a) => {
      const vals = valuesOf(a);
      return vals.length > 0 && vals.length === want.length && vals.every((x, i) => x === want[i]);
    },
    ctx.observedAt,
    ctx.negativeTtl,
  );
  return { v, want };
}

/**
 * The pending finding of a record the DNS host has right and some resolvers do not show yet:
 * never a fail (the user did the right thing), with the ETA when the resolvers' TTLs tell it.
 * `published` is the sentence's subject-and-verb, e.g. "Your DNS host has the DMARC record".
 */
export function pendingFinding(
  check: CheckId,
  subject: string,
  published: string,
  v: Visibility,
  lines: string[],
  evidence: Record<string, unknown>,
): Finding {
  return makeFinding(check, subject, 'pending', {
    title: 'Published, not yet visible everywhere',
    detail: detailText(
      `${published}. Some resolvers still have the old answer${v.waitSeconds !== undefined ? ` and should update ${waitWords(v.waitSeconds)}` : ''}.`,
      lines,
    ),
    fix: 'Nothing to change. Wait, then check again.',
    ...(v.eta ? { eta: v.eta } : {}),
    evidence,
  });
}
