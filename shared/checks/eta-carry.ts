import type { Finding } from './finding';
import type { CheckDocument } from './verify-progress';
import { waitWords } from './visibility';

/**
 * What the DNS host itself answered, as a finding's evidence holds it: every answer from an
 * authoritative view (its outcome and records), in a stable order. Empty when the evidence has
 * none, and then nothing can be carried: without the DNS host's answer there is no way to tell
 * that nothing changed.
 */
export function hostAnswerPrint(evidence: unknown): string {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.view === 'string' && o.view.startsWith('authoritative')) {
      found.push(JSON.stringify([o.view, o.outcome, o.records ?? null]));
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(evidence);
  return found.sort().join('\n');
}

const WAIT_PHRASE = /in about \d+ (?:seconds?|minutes|hours|days)/g;

/**
 * The earlier run's ETA for a pending finding, when it may be kept: the same check about the same
 * subject was pending with an ETA still ahead of this run, and the DNS host answers exactly as
 * it did then. Public resolvers are many caches behind one address, so a re-run may meet one
 * that fetched the old answer later and count a fresh TTL: that is not news, and an ETA that
 * jumps from 4 to 29 minutes without anything changed reads as a broken promise.
 */
function earlierEta(
  f: Finding,
  before: Finding | undefined,
  startedAt: number,
): string | undefined {
  if (f.status !== 'pending' || !f.eta || before?.status !== 'pending' || !before.eta) return;
  const earlier = Date.parse(before.eta);
  // Past its time the earlier ETA was wrong: the new measurement is the news.
  if (!Number.isFinite(earlier) || earlier <= startedAt) return;
  const print = hostAnswerPrint(f.evidence);
  if (print === '' || print !== hostAnswerPrint(before.evidence)) return;
  return before.eta;
}

/**
 * One finding with its ETA carried from the run before (see earlierEta), as the run streams it:
 * the live list shows the same time the finished run will. `at`: when this run started (ms).
 */
export function carryEta(previous: CheckDocument | undefined, f: Finding, at: number): Finding {
  if (!previous) return f;
  const before = previous.findings.find((p) => p.check === f.check && p.subject === f.subject);
  const eta = earlierEta(f, before, at);
  if (!eta || eta === f.eta) return f;
  const wait = (Date.parse(eta) - at) / 1000;
  return {
    ...f,
    eta,
    detail: f.detail.replace(WAIT_PHRASE, waitWords(wait)),
    evidence: { ...f.evidence, etaMeasured: f.eta, etaCarriedFrom: previous.startedAt },
  };
}

/**
 * A run whose pending ETAs are carried forward from the run before it where nothing the DNS host
 * publishes changed (see earlierEta). The carried finding's own words follow its ETA, and its
 * evidence keeps what this run measured (`etaMeasured`), so nothing seen is hidden.
 */
export function carryEtas(previous: CheckDocument | undefined, doc: CheckDocument): CheckDocument {
  if (!previous || previous.domain !== doc.domain) return doc;
  const at = Date.parse(doc.startedAt);
  const findings = doc.findings.map((f) => carryEta(previous, f, at));
  return findings.some((f, i) => f !== doc.findings[i]) ? { ...doc, findings } : doc;
}
