/** One place a question was asked and what it answered, for the "what was seen" table. */
export interface ViewAnswer {
  question: string;
  view: string;
  answer: string;
}

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null;

/** A record as one short line: the value a person would compare with their DNS panel. */
function recordText(r: unknown): string {
  if (!isObject(r)) return String(r);
  if (typeof r.address === 'string') return r.address;
  if (typeof r.exchange === 'string') return `${String(r.preference)} ${r.exchange}`;
  if (Array.isArray(r.strings)) return r.strings.join('');
  if (typeof r.target === 'string') return r.target;
  if (typeof r.mname === 'string') return `${r.mname} (serial ${String(r.serial)})`;
  return JSON.stringify(r);
}

/** What an answer said, in words: the records, or why there were none. */
function answerText(a: Loose): string {
  const records = Array.isArray(a.records) ? a.records : [];
  if (records.length > 0) return records.map(recordText).join('; ');
  if (a.outcome === 'nxdomain') return 'the name does not exist';
  if (a.outcome === 'nodata') return 'no record of this type';
  if (typeof a.error === 'string') return a.error;
  return typeof a.outcome === 'string' ? a.outcome : 'no answer';
}

/** A view id as the checks record it ("authoritative:ns1.x", "resolver:127.0.0.1:53") in words. */
export function viewName(view: string): string {
  const [kind, ...rest] = view.split(':');
  const where = rest.join(':');
  if (kind === 'authoritative' && where) return `Your DNS host (${where})`;
  if (kind === 'resolver' && where) return `Resolver ${where}`;
  if (kind === 'system') return 'This computer';
  if (kind === 'public' && where) return `Public resolver (${where})`;
  return view;
}

/**
 * The per-view answers inside a finding's evidence (lookups as the checks record them), so the
 * screen can show "your nameserver says X, the public resolvers still say Y". Evidence of any
 * other shape yields nothing and the detail sentence stands alone.
 */
export function viewAnswers(evidence: Loose | undefined): ViewAnswer[] {
  const out: ViewAnswer[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    if (!isObject(v)) return;
    if (typeof v.name === 'string' && typeof v.type === 'string' && Array.isArray(v.answers)) {
      for (const a of v.answers)
        if (isObject(a) && typeof a.view === 'string')
          out.push({
            question: `${v.type} ${v.name}`,
            view: viewName(a.view),
            answer: answerText(a),
          });
      return;
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(evidence, 0);
  return out.slice(0, 24);
}
