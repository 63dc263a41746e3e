import { chainBreakWords, chainText, cnameChain } from './cname-chain';

/**
 * What the probes saw in DNS, as the pure checks read it. These types mirror main/dns/types.ts
 * structurally (shared/ may not import main/), so a DnsAnswer from the DNS layer is an
 * ObservedAnswer as it is, with no copying.
 */

/** Record types the probes ask for. */
export type ObservedType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'NS' | 'SOA' | 'CNAME' | 'PTR';

/** How a query ended (see main/dns/types.ts DnsOutcome). */
export type ObservedOutcome =
  'answer' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'timeout' | 'error';

/** One resource record of an answer. */
export type ObservedRecord =
  | { type: 'A' | 'AAAA'; name: string; ttl: number; address: string }
  | { type: 'MX'; name: string; ttl: number; preference: number; exchange: string }
  | { type: 'TXT'; name: string; ttl: number; strings: string[] }
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
  records: ObservedRecord[];
  negativeTtl?: number;
  authoritative?: boolean;
  server: string;
  elapsedMs: number;
  error?: string;
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
  const rec = lookup.answers.filter((a) => a.kind !== 'authoritative' && isConclusive(a.answer));
  if (rec.length > 0) return { source: 'recursive', answers: rec };
  return { source: 'none', answers: [] };
}

/** The first answer that tells what is published, or undefined when no view could answer. */
export function publishedAnswer(lookup: Lookup): ObservedAnswer | undefined {
  return publishedAnswers(lookup).answers[0]?.answer;
}

/** Words for an outcome a user can read, with the CNAME chain followed to get there. */
export function outcomeWords(answer: ObservedAnswer): string {
  const chain = cnameChain(answer);
  const broken = chainBreakWords(chain);
  if (broken) return broken;
  const words = bareOutcomeWords(answer);
  return chain.links.length > 0 ? `${words} (through CNAME ${chainText(chain)})` : words;
}

function bareOutcomeWords(answer: ObservedAnswer): string {
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

/** The data of an answer's records in presentation form, e.g. `"v=spf1 -all"`, `10 mail.example.com.`. */
export function describeRecords(answer: ObservedAnswer): string {
  return answer.records
    .filter((r) => r.type === answer.type)
    .map((r) => {
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
    })
    .join(', ');
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

/** The raw answers of a lookup, trimmed for evidence (what the user or support can inspect). */
export function lookupEvidence(lookup: Lookup): Record<string, unknown> {
  return {
    name: lookup.name,
    type: lookup.type,
    answers: lookup.answers.map((a) => ({
      view: a.view,
      server: a.answer.server,
      outcome: a.answer.outcome,
      ...chainEvidence(a.answer),
      records: a.answer.records,
      ...(a.answer.negativeTtl !== undefined ? { negativeTtl: a.answer.negativeTtl } : {}),
      ...(a.answer.error ? { error: a.answer.error } : {}),
    })),
  };
}

/** The CNAME chain of an answer for evidence: the names in order, and how it breaks. */
function chainEvidence(answer: ObservedAnswer): Record<string, unknown> {
  const chain = cnameChain(answer);
  if (chain.links.length === 0) return {};
  return {
    chain: [chain.links[0]?.from, ...chain.links.map((l) => l.to)],
    ...(chain.problem && {
      chainBroken: {
        kind: chain.problem.kind,
        from: chain.problem.link.from,
        to: chain.problem.link.to,
      },
    }),
  };
}
