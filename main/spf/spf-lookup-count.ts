import {
  parseSpf,
  SPF_MAX_LOOKUPS,
  SPF_MAX_VOID_LOOKUPS,
  type SpfRecord,
} from '../../shared/records/spf-parse';
import type { SpfResolver } from './spf-resolver';

/**
 * The worst-case DNS lookup count of a domain's SPF record with everything it includes: what a
 * receiver spends when no earlier term matches (the case of a forger, or of a sender listed
 * last). Evaluation (spf-evaluate.ts) stops at the first match and so under-counts; this walks
 * every include: and redirect=, and asks the a/mx/exists targets whether they exist, to count
 * void lookups too. Feeds the spf.lookups check.
 */

/** One SPF record in the tree, with the records it includes. */
export interface SpfNode {
  domain: string;
  /** The record text, when exactly one was found. */
  record?: string;
  parsed?: SpfRecord;
  /** Lookups this record's own terms make (not counting its children's). */
  ownLookups: number;
  children: SpfNode[];
  /** Plain sentences about this record (missing, several records, a DNS error...). */
  problems: string[];
  /** The term that led here ("include:x", "redirect=x"); absent for the domain's own record. */
  via?: string;
  /**
   * What breaks this record for receivers: no SPF record, several, a syntax error (each a
   * permerror for every address that reaches it), or it could not be fetched (DNS error).
   */
  broken?: 'no-spf' | 'several' | 'syntax' | 'unreachable';
}

/** The count for the whole tree. */
export interface SpfLookupCount {
  /** Worst-case DNS-querying terms across the tree (the limit is 10). */
  lookups: number;
  /** Terms whose query found nothing (the limit is 2). */
  voidLookups: number;
  /** The names that came back empty, for the user to clean up. */
  voidTargets: string[];
  /** Terms whose target uses macros, so they cannot be counted ahead of time. */
  macroTerms: string[];
  /** Lookups could not all be made (a DNS error): the counts are a lower bound. */
  incomplete: boolean;
  root: SpfNode;
  /** Plain sentences summarising what is over a limit. */
  problems: string[];
}

type Outcome = 'ok' | 'void' | 'error';

async function probe(
  resolver: SpfResolver,
  name: string,
  type: string,
): Promise<{ outcome: Outcome; value?: unknown }> {
  try {
    const value = await resolver(name, type);
    return { outcome: Array.isArray(value) && value.length === 0 ? 'void' : 'ok', value };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { outcome: code === 'ENOTFOUND' || code === 'ENODATA' ? 'void' : 'error' };
  }
}

/** What one count carries while it walks the tree. */
interface Walk {
  result: SpfLookupCount;
  resolver: SpfResolver;
  visited: Set<string>;
  /** Records fetched so far (the walk stops past maxRecords). */
  records: number;
  maxRecords: number;
}

type LookupTerm = SpfRecord['lookupTerms'][number];

/**
 * Fetch and parse the node's one SPF record, noting why it cannot be walked (seen before, too
 * deep, unreachable, none, several). Returns whether its terms should be walked.
 */
async function readNode(w: Walk, node: SpfNode): Promise<boolean> {
  const key = node.domain.toLowerCase().replace(/\.$/, '');
  if (w.visited.has(key)) {
    node.problems.push(
      `${node.domain} is included twice (or includes itself); receivers count it each time.`,
    );
    return false;
  }
  w.visited.add(key);
  if (++w.records > w.maxRecords) {
    w.result.incomplete = true;
    node.problems.push('Stopped: too many nested records.');
    return false;
  }
  const txt = await probe(w.resolver, node.domain, 'TXT');
  if (txt.outcome === 'error') {
    w.result.incomplete = true;
    node.broken = 'unreachable';
    node.problems.push(`The SPF record of ${node.domain} could not be fetched (DNS error).`);
    return false;
  }
  const texts =
    txt.outcome === 'ok'
      ? (txt.value as string[][]).map((r) => [].concat(r as never).join(''))
      : [];
  const spf = texts.filter((t) => /^v=spf1( |$)/i.test(t));
  if (spf.length === 0) {
    node.broken = 'no-spf';
    node.problems.push(`${node.domain} has no SPF record.`);
    return false;
  }
  if (spf.length > 1) {
    node.broken = 'several';
    node.problems.push(
      `${node.domain} has ${spf.length} SPF records; receivers reject that (permerror).`,
    );
    return false;
  }
  node.record = spf[0] as string;
  node.parsed = parseSpf(node.record);
  const syntax = node.parsed.problems.find(
    (p) => p.level === 'error' && p.code !== 'too-many-lookups',
  );
  if (syntax) {
    node.broken = 'syntax';
    node.problems.push(syntax.message);
  }
  return true;
}

/** include: or redirect=: walk the target's record as a child of this one. */
async function walkInclude(w: Walk, node: SpfNode, term: LookupTerm, target: string) {
  const child: SpfNode = {
    domain: target,
    ownLookups: 0,
    children: [],
    problems: [],
    via: term.text,
  };
  node.children.push(child);
  await walkNode(w, child);
  if (!child.record && child.problems.some((p) => p.includes('has no SPF record'))) {
    w.result.voidLookups += 1;
    w.result.voidTargets.push(target);
    node.problems.push(
      `"${term.text}" points at a name without an SPF record; receivers treat that as a permanent error (permerror).`,
    );
  }
}

/** a, mx, exists: ask whether the target has what the term looks for (void lookups). */
async function probeTarget(w: Walk, node: SpfNode, name: string, target: string) {
  const types = name === 'mx' ? ['MX'] : name === 'exists' ? ['A'] : ['A', 'AAAA'];
  const answers = await Promise.all(types.map((t) => probe(w.resolver, target, t)));
  if (answers.some((a) => a.outcome === 'error')) w.result.incomplete = true;
  else if (answers.every((a) => a.outcome === 'void')) {
    w.result.voidLookups += 1;
    w.result.voidTargets.push(target);
  }
  if (name === 'mx') {
    const mx = answers[0]?.value;
    if (Array.isArray(mx) && mx.length > 10) {
      node.problems.push(
        `${target} has ${mx.length} MX records; receivers look at no more than 10 (permerror).`,
      );
    }
  }
}

/** One record and, in order, everything its lookup terms reach. */
async function walkNode(w: Walk, node: SpfNode): Promise<void> {
  if (!(await readNode(w, node)) || !node.parsed) return;
  for (const term of node.parsed.lookupTerms) {
    node.ownLookups += term.lookups;
    const target = term.kind === 'modifier' ? term.value : (term.domain ?? node.domain);
    if (term.hasMacro) {
      w.result.macroTerms.push(term.text);
      continue;
    }
    if (term.name === 'include' || term.name === 'redirect') {
      await walkInclude(w, node, term, target);
      continue;
    }
    if (term.name === 'ptr') continue; // needs the client's address; counted, not probed
    await probeTarget(w, node, term.name, target);
  }
}

/** Count the worst-case lookups of `domain`'s SPF tree. Never throws. */
export async function countSpfLookups(
  domain: string,
  resolver: SpfResolver,
  maxRecords = 40,
): Promise<SpfLookupCount> {
  const result: SpfLookupCount = {
    lookups: 0,
    voidLookups: 0,
    voidTargets: [],
    macroTerms: [],
    incomplete: false,
    root: { domain, ownLookups: 0, children: [], problems: [] },
    problems: [],
  };
  await walkNode({ result, resolver, visited: new Set(), records: 0, maxRecords }, result.root);
  const sum = (n: SpfNode): number => n.ownLookups + n.children.reduce((s, c) => s + sum(c), 0);
  result.lookups = sum(result.root);
  if (result.lookups > SPF_MAX_LOOKUPS) {
    result.problems.push(
      `Checking your SPF record can take ${result.lookups} DNS lookups; receivers stop at ${SPF_MAX_LOOKUPS} and reject the record (permerror). Remove services you no longer use, or list addresses with ip4:/ip6: instead of include:.`,
    );
  }
  if (result.voidLookups > SPF_MAX_VOID_LOOKUPS) {
    result.problems.push(
      `${result.voidLookups} names in your SPF record do not exist or have no address (${result.voidTargets.join(', ')}); receivers allow ${SPF_MAX_VOID_LOOKUPS}. Remove them.`,
    );
  }
  return result;
}
