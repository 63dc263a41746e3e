import { utf8ByteLength } from './txt-split';
import {
  err,
  parseMechanism,
  parseModifier,
  warn,
  type SPF_MECHANISMS,
  type TermParse,
} from './spf-term-parse';

export { spfDomainSpecProblem } from './spf-term-parse';

/**
 * SPF record parser (RFC 7208 section 4.6 and 12 grammar). Pure: it reads the text only and
 * never asks DNS. Used by the planner (merging), the checker (spf.syntax, spf.lookups, spf.all)
 * and the UI's live check of a pasted record. Evaluation against DNS is main/spf (mailauth).
 * Each term is parsed by spf-term-parse.ts; this file judges the record as a whole.
 */

/** An SPF qualifier: pass, fail, softfail, neutral. */
export type SpfQualifier = '+' | '-' | '~' | '?';

/** The mechanisms RFC 7208 defines (SPF_MECHANISMS in spf-term-parse.ts). */
export type SpfMechanismName = (typeof SPF_MECHANISMS)[number];

/** The DNS-lookup limit of RFC 7208 section 4.6.4. */
export const SPF_MAX_LOOKUPS = 10;
/** The void-lookup limit of RFC 7208 section 4.6.4. */
export const SPF_MAX_VOID_LOOKUPS = 2;

/** One directive: an optional qualifier and a mechanism, e.g. `~all`, `ip4:192.0.2.0/24`. */
export interface SpfMechanism {
  kind: 'mechanism';
  /** The term exactly as written. */
  text: string;
  /** Position among all terms (0 = first term after v=spf1). */
  index: number;
  qualifier: SpfQualifier;
  /** Whether the qualifier was written out (`+a`) or implied (`a`). */
  qualifierExplicit: boolean;
  name: SpfMechanismName;
  /** The domain-spec after ":" for include, exists, a, mx and ptr (may contain macros). */
  domain?: string;
  /** The address for ip4 / ip6, as written. */
  network?: string;
  /** The IPv4 prefix length (`/24`), when given. */
  cidr4?: number;
  /** The IPv6 prefix length (`//64`, or `/64` after ip6:), when given. */
  cidr6?: number;
  hasMacro: boolean;
  /** DNS queries this term makes, counted against the limit of 10 (0 or 1). */
  lookups: number;
}

/** One modifier, e.g. `redirect=_spf.example.com`, `exp=explain.example.com`. */
export interface SpfModifier {
  kind: 'modifier';
  text: string;
  index: number;
  /** Lowercase name. */
  name: string;
  value: string;
  /** redirect and exp are known; others are ignored by receivers. */
  known: boolean;
  hasMacro: boolean;
  lookups: number;
}

/** A parsed term. */
export type SpfTerm = SpfMechanism | SpfModifier;

/** Machine-readable kinds of problem, for tests and for the checker to pick a check id. */
export type SpfProblemCode =
  | 'not-spf'
  | 'leading-space'
  | 'non-ascii'
  | 'tab'
  | 'unknown-mechanism'
  | 'bad-argument'
  | 'bad-domain'
  | 'bad-ip4'
  | 'bad-ip6'
  | 'bad-cidr'
  | 'bad-macro'
  | 'duplicate-modifier'
  | 'plus-all'
  | 'neutral-all'
  | 'no-all'
  | 'multiple-all'
  | 'after-all'
  | 'redirect-ignored'
  | 'ptr'
  | 'too-many-lookups'
  | 'unknown-modifier'
  | 'duplicate-term'
  | 'allow-everyone'
  | 'long-record';

/** A problem found in the record, in plain words. */
export interface SpfProblem {
  /** error: receivers would answer "permerror" (or the record is not SPF); warning: works, but risky. */
  level: 'error' | 'warning';
  code: SpfProblemCode;
  message: string;
  /** The term the problem is about, as written. */
  term?: string;
}

/** What parseSpf found. */
export interface SpfRecord {
  /** The text that was parsed. */
  text: string;
  /** Whether the text begins with the SPF version `v=spf1` (and so would be taken as an SPF record). */
  isSpf: boolean;
  /** The syntax is right (no error-level problem other than too-many-lookups). */
  valid: boolean;
  terms: SpfTerm[];
  mechanisms: SpfMechanism[];
  modifiers: SpfModifier[];
  /** The first `all` (the one that takes effect), if any. */
  all?: SpfMechanism;
  /** The redirect= target, if any (ignored by receivers when an `all` is present). */
  redirect?: string;
  /** The exp= target, if any. */
  exp?: string;
  /** include: targets, in order. */
  includes: string[];
  /** Addresses and networks of ip4: / ip6: terms, with their prefix when given. */
  ip4: string[];
  ip6: string[];
  /**
   * The terms that make a DNS query, in evaluation order (include, a, mx, ptr, exists, and
   * redirect when it takes effect). Terms after the first `all` are never evaluated and are left out.
   */
  lookupTerms: SpfTerm[];
  /** Worst-case DNS lookups of this record alone (nested includes add their own; see main/spf). */
  lookupCount: number;
  /**
   * Terms whose query could come back empty (a "void lookup", of which 2 are allowed) and that
   * can be checked ahead of time because their target has no macros: a, mx, ptr, exists,
   * include and redirect with a literal name.
   */
  voidCandidates: SpfTerm[];
  hasMacros: boolean;
  problems: SpfProblem[];
}

const MODIFIER_NAME = /^[a-z][a-z0-9\-_.]*$/i;

/** Split the terms on spaces, reporting tabs and other whitespace that the grammar does not allow. */
function splitTerms(body: string, problems: SpfProblem[]): string[] {
  if (/[\t\r\n\v\f]/.test(body)) {
    problems.push(
      err(
        'tab',
        'The record contains a tab or a line break. SPF terms must be separated by plain spaces; retype the record on one line.',
      ),
    );
  }
  return body.split(/[ \t\r\n\v\f]+/).filter((t) => t !== '');
}

function emptyRecord(text: string): SpfRecord {
  return {
    text,
    isSpf: false,
    valid: false,
    terms: [],
    mechanisms: [],
    modifiers: [],
    includes: [],
    ip4: [],
    ip6: [],
    lookupTerms: [],
    lookupCount: 0,
    voidCandidates: [],
    hasMacros: false,
    problems: [],
  };
}

/** Why a text that does not start with "v=spf1 " is not taken as SPF, in words. */
function notSpfProblem(text: string): SpfProblem {
  if (/^v=spf1(?= |$)/i.test(text.trimStart()) || /^\s+v=spf1/i.test(text)) {
    return err(
      'leading-space',
      'The record starts with a space, so receivers do not see it as SPF. Remove the space before "v=spf1".',
    );
  }
  if (/^v=spf1\S/i.test(text)) {
    return err(
      'not-spf',
      `The record must start with "v=spf1" followed by a space; it starts with "${text.split(' ')[0]}".`,
    );
  }
  if (/^spf2\.0\//i.test(text)) {
    return err(
      'not-spf',
      'This is a Sender ID record ("spf2.0"), an abandoned standard. Receivers ignore it; publish a "v=spf1" record instead.',
    );
  }
  return err('not-spf', 'This is not an SPF record: an SPF record starts with "v=spf1".');
}

/** What the walk over the terms remembers between terms. */
interface TermWalk {
  result: SpfRecord;
  /** The first `all`: it ends evaluation. */
  allSeen?: SpfMechanism;
  seenModifiers: Set<string>;
  seenTerms: Set<string>;
}

function addModifier(walk: TermWalk, term: SpfModifier): void {
  const { result } = walk;
  result.modifiers.push(term);
  if (!term.known) return;
  if (walk.seenModifiers.has(term.name)) {
    result.problems.push(
      err(
        'duplicate-modifier',
        `"${term.name}=" appears more than once. It may appear only once; receivers reject the record otherwise.`,
        term.text,
      ),
    );
  }
  walk.seenModifiers.add(term.name);
  if (term.name === 'redirect') result.redirect = term.value;
  else result.exp = term.value;
}

/** Warnings about a mechanism that receivers do evaluate (before the first `all`). */
function mechanismWarnings(term: SpfMechanism): SpfProblem[] {
  const out: SpfProblem[] = [];
  const wholeSpace =
    (term.cidr4 === 0 && term.name !== 'ip6') || (term.cidr6 === 0 && term.name !== 'ip4');
  if (wholeSpace && term.qualifier === '+') {
    out.push(
      warn(
        'allow-everyone',
        `"${term.text}" allows a whole address space (prefix /0): anyone could send as your domain. Use your server's exact address.`,
        term.text,
      ),
    );
  }
  if (term.name === 'ptr') {
    out.push(
      warn(
        'ptr',
        `"${term.text}" is slow and unreliable, and RFC 7208 says not to use it. Name your servers with ip4:/ip6: or a: instead.`,
        term.text,
      ),
    );
  }
  return out;
}

function addMechanism(walk: TermWalk, term: SpfMechanism): void {
  const { result, allSeen } = walk;
  result.mechanisms.push(term);
  if (allSeen) {
    result.problems.push(
      term.name === 'all'
        ? warn(
            'multiple-all',
            `The record has more than one "all". Only the first ("${allSeen.text}") counts; remove "${term.text}".`,
            term.text,
          )
        : warn(
            'after-all',
            `"${term.text}" comes after "${allSeen.text}", so receivers never read it. Move it before "${allSeen.text}".`,
            term.text,
          ),
    );
    return;
  }
  if (term.name === 'all') walk.allSeen = term;
  if (term.name === 'include' && term.domain !== undefined) result.includes.push(term.domain);
  if (term.name === 'ip4' && term.network !== undefined) {
    result.ip4.push(term.cidr4 === undefined ? term.network : `${term.network}/${term.cidr4}`);
  }
  if (term.name === 'ip6' && term.network !== undefined) {
    result.ip6.push(term.cidr6 === undefined ? term.network : `${term.network}/${term.cidr6}`);
  }
  if (term.lookups > 0) result.lookupTerms.push(term);
  result.problems.push(...mechanismWarnings(term));
}

/** Parse one term and add it to the record being built. */
function addTerm(walk: TermWalk, t: string, index: number): void {
  const { result } = walk;
  const eq = t.indexOf('=');
  const nameBeforeEq = eq > 0 ? t.slice(0, eq) : '';
  const parsed: TermParse = MODIFIER_NAME.test(nameBeforeEq)
    ? parseModifier(t, index, eq)
    : parseMechanism(t, index);
  result.problems.push(...parsed.problems);
  const term = parsed.term;
  if (!term) return;
  result.terms.push(term);
  if (term.hasMacro) result.hasMacros = true;
  const key = term.text.toLowerCase();
  if (walk.seenTerms.has(key)) {
    result.problems.push(
      warn('duplicate-term', `"${term.text}" appears twice; one is enough.`, term.text),
    );
  }
  walk.seenTerms.add(key);
  if (term.kind === 'modifier') addModifier(walk, term);
  else addMechanism(walk, term);
}

/** How the record ends: redirect, `+all`, `?all`, or nothing (neutral for everyone else). */
function endingProblems(result: SpfRecord, allSeen: SpfMechanism | undefined): SpfProblem[] {
  const redirectTerm = result.modifiers.find((m) => m.name === 'redirect');
  const out: SpfProblem[] = [];
  if (redirectTerm && allSeen) {
    out.push(
      warn(
        'redirect-ignored',
        `"${redirectTerm.text}" is ignored because the record has "${allSeen.text}". Keep one of them.`,
        redirectTerm.text,
      ),
    );
  } else if (redirectTerm) {
    result.lookupTerms.push(redirectTerm);
  }
  if (allSeen?.qualifier === '+') {
    out.push(
      warn(
        'plus-all',
        `"${allSeen.text}" lets every server in the world send mail as your domain. Use "~all" (or "-all" once reports are clean).`,
        allSeen.text,
      ),
    );
  } else if (allSeen?.qualifier === '?') {
    out.push(
      warn(
        'neutral-all',
        `"${allSeen.text}" tells receivers nothing about other servers, so it does not protect your domain. Use "~all", then "-all".`,
        allSeen.text,
      ),
    );
  } else if (!allSeen && !redirectTerm) {
    out.push(
      warn(
        'no-all',
        'The record does not end with "~all" or "-all", so receivers treat mail from other servers as neutral. Add "~all" at the end.',
      ),
    );
  }
  return out;
}

/** The record's size: the lookup limit and its length in bytes. */
function sizeProblems(result: SpfRecord, text: string): SpfProblem[] {
  const out: SpfProblem[] = [];
  if (result.lookupCount > SPF_MAX_LOOKUPS) {
    out.push(
      err(
        'too-many-lookups',
        `The record needs ${result.lookupCount} DNS lookups; receivers allow at most ${SPF_MAX_LOOKUPS} and reject the record beyond that. Replace some include:, a or mx terms with ip4:/ip6: addresses.`,
      ),
    );
  }
  if (utf8ByteLength(text) > 450) {
    out.push(
      warn(
        'long-record',
        `The record is ${utf8ByteLength(text)} characters long. Records this long can exceed what some receivers fetch in one answer; keep SPF short.`,
      ),
    );
  }
  return out;
}

/**
 * Parse an SPF record (the joined TXT text). Never throws: every problem is in `problems`, with a
 * plain sentence a non-expert can act on.
 */
export function parseSpf(text: string): SpfRecord {
  const result = emptyRecord(text);
  const problems = result.problems;
  if (!/^v=spf1(?= |$)/i.test(text)) {
    problems.push(notSpfProblem(text));
    return result;
  }
  result.isSpf = true;

  if ([...text].some((c) => c.charCodeAt(0) > 0x7e)) {
    problems.push(
      err(
        'non-ascii',
        'The record contains characters outside plain ASCII (often curly quotes or a non-breaking space pasted from a document). Retype it with plain characters.',
      ),
    );
  }

  const walk: TermWalk = { result, seenModifiers: new Set(), seenTerms: new Set() };
  splitTerms(text.slice(6), problems).forEach((t, index) => addTerm(walk, t, index));
  const allSeen = walk.allSeen;
  result.all = allSeen;

  const ending = endingProblems(result, allSeen);
  result.lookupCount = result.lookupTerms.reduce((n, t) => n + t.lookups, 0);
  result.voidCandidates = result.lookupTerms.filter((t) => !t.hasMacro);
  problems.push(...ending, ...sizeProblems(result, text));

  // Too many lookups is a runtime limit, not a syntax error: the record still parses.
  result.valid = !problems.some((p) => p.level === 'error' && p.code !== 'too-many-lookups');
  return result;
}
