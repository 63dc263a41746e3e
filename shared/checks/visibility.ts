import {
  isConclusive,
  publishedAnswers,
  recordsOf,
  type Lookup,
  type ObservedAnswer,
  type ViewAnswer,
} from './dns-observation';

/** What a lookup says about one expected record, published and seen. */
export interface Visibility {
  /** What is published: good (as expected), bad (missing or wrong), unknown (no view could answer). */
  state: 'good' | 'bad' | 'unknown';
  /** Whose answers `state` was judged from. */
  source: 'authoritative' | 'recursive' | 'none';
  /** The published answer judged (the first good one when there is one). */
  published?: ObservedAnswer;
  /** Views that do not see the good value yet (only when state is good). */
  lagging: ViewAnswer[];
  /** Views that could not answer at all (timeouts, errors): they do not make a record pending. */
  unreachable: ViewAnswer[];
  /** When every lagging view should see it, from the TTL of what it still holds (ISO). */
  eta?: string;
  /** The longest wait in seconds behind `eta`. */
  waitSeconds?: number;
}

/**
 * How long a resolver may keep what it holds: the smallest TTL of its records, or for a name it
 * holds as missing the negative-cache TTL (its own, else the zone's SOA minimum).
 */
export function cachedFor(answer: ObservedAnswer, zoneNegativeTtl?: number): number | undefined {
  // A resolver reports the time left rounded down to whole seconds: one more covers the rest.
  if (answer.outcome === 'answer') {
    const ttls = answer.records.map((r) => r.ttl);
    return ttls.length > 0 ? Math.min(...ttls) + 1 : undefined;
  }
  if (answer.outcome === 'nodata' || answer.outcome === 'nxdomain') {
    const ttl = answer.negativeTtl ?? zoneNegativeTtl;
    return ttl === undefined ? undefined : ttl + 1;
  }
  return undefined;
}

/**
 * Judge an expected record across views. Good at the DNS host but not yet seen by a resolver is
 * "pending", never "fail": the user did the right thing and only has to wait. The ETA is the
 * longest time a lagging resolver may keep its old answer.
 */
export function judgeVisibility(
  lookup: Lookup,
  isGood: (answer: ObservedAnswer) => boolean,
  observedAt: string,
  zoneNegativeTtl?: number,
): Visibility {
  const { source, answers } = publishedAnswers(lookup);
  const unreachable = lookup.answers.filter((a) => !isConclusive(a.answer));
  if (source === 'none') return { state: 'unknown', source, lagging: [], unreachable };
  const good = answers.find((a) => isGood(a.answer));
  if (!good)
    return { state: 'bad', source, published: answers[0]?.answer, lagging: [], unreachable };
  const lagging = lookup.answers.filter((a) => isConclusive(a.answer) && !isGood(a.answer));
  let waitSeconds: number | undefined;
  for (const a of lagging) {
    if (a.kind === 'authoritative') continue; // a secondary catching up has no TTL to wait on
    const ttl = cachedFor(a.answer, zoneNegativeTtl);
    if (ttl !== undefined) waitSeconds = Math.max(waitSeconds ?? 0, ttl);
  }
  const v: Visibility = { state: 'good', source, published: good.answer, lagging, unreachable };
  if (waitSeconds !== undefined) {
    v.waitSeconds = waitSeconds;
    v.eta = new Date(Date.parse(observedAt) + waitSeconds * 1000).toISOString();
  }
  return v;
}

/** "in about 5 minutes": a wait in seconds, in words. */
export function waitWords(seconds: number): string {
  if (seconds < 90) return `in about ${Math.max(1, Math.round(seconds))} seconds`;
  if (seconds < 90 * 60) return `in about ${Math.round(seconds / 60)} minutes`;
  if (seconds < 36 * 3600) return `in about ${Math.round(seconds / 3600)} hours`;
  return `in about ${Math.round(seconds / 86400)} days`;
}

/** The addresses of an answer, canonical lowercase, sorted. */
export function addressesOf(answer: ObservedAnswer | undefined): string[] {
  if (!answer) return [];
  return [...recordsOf(answer, 'A'), ...recordsOf(answer, 'AAAA')]
    .map((r) => r.address.toLowerCase())
    .sort();
}
