import type { Finding } from './finding';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  isConclusive,
  publishedAnswers,
  lookupEvidence,
  type Lookup,
  type ObservedAnswer,
} from './dns-observation';
import type { EvalContext } from './eval-context';
import { cachedFor, waitWords } from './visibility';

/** One record the plan expects, and how to read its value from an answer. */
export interface ExpectedRecord {
  /** What the user reads, e.g. "SPF record of example.com". */
  what: string;
  lookup: Lookup;
  /** The record's values in an answer, normalised and sorted (empty when absent). */
  values: (answer: ObservedAnswer) => string[];
  /**
   * Whether published values are the plan's record (the server's address, its MX...), not
   * something else at the name (another provider's MX, the website's address). Absent: any.
   */
  isPlanned?: (values: string[]) => boolean;
}

/** How one expected record stands across views. */
export interface RecordSpread {
  what: string;
  /** What the DNS host publishes (undefined when no view could tell). */
  published?: string[];
  /** Whether what is published is the plan's record (false: something else is at the name). */
  planned?: boolean;
  /** Resolver views (label) that still show something else. */
  lagging: { label: string; seen: string[]; waitSeconds?: number }[];
  /** Resolver views that could not be asked. */
  unreachable: string[];
}

/** Compare what each resolver view shows with what the DNS host publishes. */
export function spreadOf(rec: ExpectedRecord, negativeTtl?: number): RecordSpread {
  const { source, answers } = publishedAnswers(rec.lookup);
  const spread: RecordSpread = { what: rec.what, lagging: [], unreachable: [] };
  if (source === 'none') return spread;
  const first = answers[0];
  if (!first) return spread;
  const published = rec.values(first.answer);
  spread.published = published;
  spread.planned = published.length > 0 && (rec.isPlanned?.(published) ?? true);
  for (const a of rec.lookup.answers) {
    if (a.kind === 'authoritative') continue;
    if (!isConclusive(a.answer)) {
      spread.unreachable.push(a.label);
      continue;
    }
    const seen = rec.values(a.answer);
    if (seen.length === published.length && seen.every((v, i) => v === published[i])) continue;
    const ttl = cachedFor(a.answer, negativeTtl);
    spread.lagging.push({
      label: a.label,
      seen,
      ...(ttl !== undefined ? { waitSeconds: ttl } : {}),
    });
  }
  return spread;
}

/**
 * propagation: every expected record the DNS host publishes is visible on every resolver view;
 * otherwise pending with the ETA of the slowest one. Records the DNS host does not have are left
 * to their own checks (they fail there), so this check only speaks of visibility.
 */
export function evaluatePropagation(records: readonly ExpectedRecord[], ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const spreads = records.map((r) => spreadOf(r, ctx.negativeTtl));
  const evidence = { records: spreads, lookups: records.map((r) => lookupEvidence(r.lookup)) };
  // Only the plan's own records count: "visible everywhere" about another provider's MX or
  // the website's address (a first check, nothing published yet) would read as progress.
  const judged = spreads.filter((s) => s.planned === true);
  const resolverViews = new Set(
    records.flatMap((r) =>
      r.lookup.answers.filter((a) => a.kind !== 'authoritative').map((a) => a.label),
    ),
  );
  if (resolverViews.size === 0) {
    return unknownFinding('propagation', domain, 'no public resolver was asked', evidence);
  }
  if (judged.length === 0) {
    return makeFinding('propagation', domain, 'info', {
      title: 'Nothing published yet to watch',
      detail:
        "None of the planned records is published at your DNS host yet (what is there today, if anything, is not the plan's), so there is nothing to wait for.",
      evidence,
    });
  }
  const allUnreachable =
    judged.every((s) => s.unreachable.length > 0 && s.lagging.length === 0) &&
    judged.every((s) => s.unreachable.length >= resolverViews.size);
  if (allUnreachable) {
    return unknownFinding(
      'propagation',
      domain,
      `no public resolver could be asked (${[...resolverViews].join(', ')})`,
      evidence,
    );
  }
  const lagging = judged.filter((s) => s.lagging.length > 0);
  if (lagging.length > 0) {
    const wait = Math.max(0, ...lagging.flatMap((s) => s.lagging.map((l) => l.waitSeconds ?? 0)));
    const eta = new Date(Date.parse(ctx.observedAt) + wait * 1000).toISOString();
    return makeFinding('propagation', domain, 'pending', {
      // The line names the records it waits for, not only "some records".
      title: `Not visible everywhere yet: ${lagging.map((s) => s.what).join(', ')}`,
      detail: detailText(
        `Your DNS host has these records, but some resolvers still show an older answer. They should all show the new one ${waitWords(wait)}.`,
        lagging.map(
          (s) =>
            `${s.what}: ${s.lagging.map((l) => `${l.label} still shows ${l.seen.length ? l.seen.join(', ') : 'nothing'}`).join('; ')}`,
        ),
      ),
      fix: 'Nothing to change. Wait, then check again.',
      eta,
      evidence,
    });
  }
  const partly = judged.filter((s) => s.unreachable.length > 0);
  const missing = spreads.length - judged.length;
  return makeFinding('propagation', domain, 'pass', {
    title:
      missing === 0
        ? 'Every record is visible everywhere'
        : `The ${judged.length === 1 ? 'record' : `${judged.length} records`} published so far ${judged.length === 1 ? 'is' : 'are'} visible everywhere`,
    detail:
      `${judged.length === 1 ? 'The planned record at your DNS host looks' : `All ${judged.length} planned records at your DNS host look`} the same from your DNS host and from ${[...resolverViews].join(', ')}: ${judged.map((s) => s.what).join(', ')}.` +
      (missing > 0
        ? ` ${missing === 1 ? 'One planned record is' : `${missing} planned records are`} not published yet (see ${missing === 1 ? 'its check' : 'their checks'}).`
        : '') +
      (partly.length
        ? ` (Some resolvers could not be asked: ${[...new Set(partly.flatMap((s) => s.unreachable))].join(', ')}.)`
        : ''),
    evidence,
  });
}
