/**
 * What the probes saw in DNS, as the pure checks read it. This is the one declaration of the DNS
 * vocabulary: the DNS layer (main/dns/types.ts) takes these types under its own names, so an
 * answer from a transport is what the checks read, with no copying. Outcomes keep NXDOMAIN,
 * no-data, SERVFAIL, REFUSED and timeout apart, because they mean different things to a user.
 */

import { DNS_LIMITS, countWords } from './dns-limits';

/** Record types the probes ask for. */
export type ObservedType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'NS' | 'SOA' | 'CNAME' | 'PTR';

/** How a query ended. */
export type ObservedOutcome =
  | 'answer' // NOERROR with records of the asked type (possibly behind a CNAME chain)
  | 'nodata' // NOERROR, the name exists, no record of this type
  | 'nxdomain' // the name does not exist
  | 'servfail'
  | 'refused'
  | 'timeout'
  | 'error'; // anything else: network unreachable, malformed answer, HTTP error...

/** One resource record of an answer. */
export type ObservedRecord =
  | { type: 'A' | 'AAAA'; name: string; ttl: number; address: string }
  | { type: 'MX'; name: string; ttl: number; preference: number; exchange: string }
  | { type: 'TXT'; name: string; ttl: number; strings: string[] } // exact character-strings, decoded as latin1-safe text
  | { type: 'NS' | 'CNAME' | 'PTR'; name: string; ttl: number; target: string }
  | {
      type: 'SOA';
      name: string;
      ttl: number;
      mname: string;
      rname: string;
      serial: number;
      minimum: number;
    };

/** The answer to one query from one server or view. */
export interface ObservedAnswer {
  name: string;
  type: ObservedType;
  outcome: ObservedOutcome;
  /** Records of the asked type (and any CNAMEs met on the way, in order). */
  records: ObservedRecord[];
  /**
   * Records of the asked type the server sent beyond what one answer keeps
   * (shared/checks/dns-limits.ts): counted, not kept. Absent when nothing was left out.
   */
  recordsOmitted?: number;
  /** For nxdomain/nodata: the negative-cache TTL from the authority SOA (min of SOA TTL and minimum), when known. */
  negativeTtl?: number;
  /** Whether the server said it is authoritative (AA flag), when the transport exposes it. */
  authoritative?: boolean;
  /** Which server answered (e.g. "127.0.0.1:5300", "https://cloudflare-dns.com/dns-query", "system"). */
  server: string;
  elapsedMs: number;
  /** A plain-language reason for error/timeout outcomes. */
  error?: string;
  /**
   * Set on an error when the server said there is more than what arrived (TC over TCP, empty
   * after "too long for UDP"): records exist there, so no other view's "no record" is believed.
   */
  unreadable?: boolean;
}

/** The kinds of point of view (docs/DESIGN.md "DNS: three points of view"). */
export type ViewKind = 'authoritative' | 'public' | 'system';

/** One view's answer to one question. */
export interface ViewAnswer {
  /** The view's stable id, e.g. "authoritative:ns1.example.com", "public:cloudflare", "system". */
  view: string;
  kind: ViewKind;
  /** What the user reads, e.g. "ns1.example.com (your DNS host)", "Cloudflare (1.1.1.1)". */
  label: string;
  answer: ObservedAnswer;
}

/** The same question asked from every view. */
export interface Lookup {
  name: string;
  type: ObservedType;
  answers: ViewAnswer[];
}

/** The outcomes that say something about the name (as opposed to "could not ask"). */
const CONCLUSIVE: ReadonlySet<ObservedOutcome> = new Set(['answer', 'nodata', 'nxdomain']);

/** Whether an answer says something about the name (answer, no-data or does-not-exist). */
export function isConclusive(answer: ObservedAnswer): boolean {
  return CONCLUSIVE.has(answer.outcome);
}

/** The records of one type in an answer (CNAMEs met on the way are left out unless asked). */
export function recordsOf<T extends ObservedRecord['type']>(
  answer: ObservedAnswer,
  type: T,
): RecordOfType<T>[] {
  return answer.records.filter((r): r is RecordOfType<T> => r.type === type);
}

/** The record shape of one type (narrowed from the union, also for the shared A/AAAA member). */
export type RecordOfType<T extends ObservedRecord['type']> = ObservedRecord & { type: T };

/** TXT records of an answer as joined text (character-strings concatenated, RFC 7208 §3.3). */
export function txtValues(answer: ObservedAnswer): string[] {
  return recordsOf(answer, 'TXT').map((r) => r.strings.join(''));
}

/**
 * The answers that tell what is published: the authoritative servers' conclusive answers when
 * there are any, else the recursive views' (public, then system). `source` says which, so a
 * finding can say it judged from a resolver because the nameservers could not be asked.
 */
export function publishedAnswers(lookup: Lookup): {
  source: 'authoritative' | 'recursive' | 'none';
  answers: ViewAnswer[];
} {
  const auth = lookup.answers.filter((a) => a.kind === 'authoritative' && isConclusive(a.answer));
  if (auth.length > 0) return { source: 'authoritative', answers: auth };
  // A nameserver that said "there is more than fits" has records there: a resolver's "none"
  // (the same server's answer, passed on) is no proof of the opposite.
  const unreadable = lookup.answers.some((a) => a.kind === 'authoritative' && a.answer.unreadable);
  const rec = lookup.answers.filter(
    (a) =>
      a.kind !== 'authoritative' &&
      isConclusive(a.answer) &&
      !(unreadable && a.answer.outcome !== 'answer'),
  );
  if (rec.length > 0) return { source: 'recursive', answers: rec };
  return { source: 'none', answers: [] };
}

/** The first answer that tells what is published, or undefined when no view could answer. */
export function publishedAnswer(lookup: Lookup): ObservedAnswer | undefined {
  return publishedAnswers(lookup).answers[0]?.answer;
}

/** Words for an outcome a user can read. */
export function outcomeWords(answer: ObservedAnswer): string {
  switch (answer.outcome) {
    case 'answer':
      return describeRecords(answer) || 'an answer';
    case 'nodata':
      return 'no record of this kind';
    case 'nxdomain':
      return 'the name does not exist';
    case 'servfail':
      return 'a server failure (SERVFAIL)';
    case 'refused':
      return 'a refusal (REFUSED)';
    case 'timeout':
      return answer.error ? `no answer in time (${answer.error})` : 'no answer in time';
    case 'error':
      return answer.error ?? 'an error';
  }
}

/** One record's data in presentation form, e.g. `"v=spf1 -all"`, `10 mail.example.com.`. */
function recordText(r: ObservedRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return r.address;
    case 'MX':
      return `${r.preference} ${r.exchange}`;
    case 'TXT':
      return r.strings.map((s) => `"${s}"`).join(' ');
    case 'SOA':
      return `${r.mname} ${r.rname} ${r.serial}`;
    default:
      return r.target;
  }
}

/**
 * The data of an answer's records in presentation form, e.g. `"v=spf1 -all"`, `10 mail.example.com.`.
 * At most DNS_LIMITS.evidenceRecords records are written out; the rest are counted ("and 990 more").
 */
export function describeRecords(answer: ObservedAnswer): string {
  const own = answer.records.filter((r) => r.type === answer.type);
  const shown = own.slice(0, DNS_LIMITS.evidenceRecords).map((r) => {
    const text = recordText(r);
    return text.length > DNS_LIMITS.evidenceTextChars
      ? `${text.slice(0, DNS_LIMITS.evidenceTextChars)}… (${countWords(text.length)} characters)`
      : text;
  });
  const more = own.length - shown.length + (answer.recordsOmitted ?? 0);
  return more > 0 ? `${shown.join(', ')} and ${countWords(more)} more` : shown.join(', ');
}

/**
 * What each view saw, one line per view: "ns1.example.test: 192.0.2.25". Views that saw the same
 * thing are merged, so three public resolvers in agreement take one line.
 */
export function perViewLines(
  lookup: Lookup,
  describe: (a: ObservedAnswer) => string = outcomeWords,
): string[] {
  const groups = new Map<string, string[]>();
  for (const a of lookup.answers) {
    const seen = describe(a.answer);
    const key = `${a.kind}\u0000${seen}`;
    const labels = groups.get(key) ?? [];
    labels.push(a.label);
    groups.set(key, labels);
  }
  const lines: string[] = [];
  for (const [key, labels] of groups) {
    const [kind, seen] = key.split('\u0000') as [ViewKind, string];
    lines.push(`${KIND_WORDS[kind]} (${labels.join(', ')}): ${seen}`);
  }
  return lines;
}

const KIND_WORDS: Record<ViewKind, string> = {
  authoritative: 'Your DNS host',
  public: 'Public resolvers',
  system: 'This computer',
};

/** Why a lookup could not tell anything: the errors of its views, as one sentence. */
export function whyUnknown(lookup: Lookup): string {
  if (lookup.answers.length === 0)
    return `nothing could be asked about ${lookup.name} (no DNS server was reachable)`;
  const reasons = [...new Set(lookup.answers.map((a) => `${a.label}: ${outcomeWords(a.answer)}`))];
  return `no DNS server gave a usable answer for ${lookup.name} ${lookup.type} (${reasons.join('; ')})`;
}

/** One record as kept in evidence: a TXT record's text cut at DNS_LIMITS.evidenceTextChars. */
function evidenceRecord(r: ObservedRecord): ObservedRecord {
  if (r.type !== 'TXT') return r;
  const length = r.strings.reduce((n, x) => n + x.length, 0);
  if (length <= DNS_LIMITS.evidenceTextChars) return r;
  return { ...r, strings: [`${r.strings.join('').slice(0, DNS_LIMITS.evidenceTextChars)}…`] };
}

/**
 * The raw answers of a lookup, trimmed for evidence (what the user or support can inspect): at
 * most DNS_LIMITS.evidenceRecords records per answer, with `recordsNotShown` counting the rest
 * and `recordsOmitted` what the DNS layer already left out.
 */
export function lookupEvidence(lookup: Lookup): Record<string, unknown> {
  return {
    name: lookup.name,
    type: lookup.type,
    answers: lookup.answers.map((a) => {
      const records = a.answer.records;
      const shown = records.slice(0, DNS_LIMITS.evidenceRecords).map(evidenceRecord);
      return {
        view: a.view,
        server: a.answer.server,
        outcome: a.answer.outcome,
        records: shown,
        ...(records.length > shown.length
          ? { recordsNotShown: records.length - shown.length }
          : {}),
        ...(a.answer.recordsOmitted ? { recordsOmitted: a.answer.recordsOmitted } : {}),
        ...(a.answer.negativeTtl !== undefined ? { negativeTtl: a.answer.negativeTtl } : {}),
        ...(a.answer.error ? { error: a.answer.error } : {}),
      };
    }),
  };
}
