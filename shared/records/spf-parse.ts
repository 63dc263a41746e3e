import ipaddr from 'ipaddr.js';
import { scanMacroString } from './spf-macro';
import { utf8ByteLength } from './txt-split';

/**
 * SPF record parser (RFC 7208 section 4.6 and 12 grammar). Pure: it reads the text only and
 * never asks DNS. Used by the planner (merging), the checker (spf.syntax, spf.lookups, spf.all)
 * and the UI's live check of a pasted record. Evaluation against DNS is main/spf (mailauth).
 */

/** An SPF qualifier: pass, fail, softfail, neutral. */
export type SpfQualifier = '+' | '-' | '~' | '?';

/** The mechanisms RFC 7208 defines. */
export const SPF_MECHANISMS = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'] as const;
/** See SPF_MECHANISMS. */
export type SpfMechanismName = (typeof SPF_MECHANISMS)[number];

/** Terms that make a DNS query and so count toward the limit of 10 (RFC 7208 section 4.6.4). */
export const SPF_LOOKUP_TERMS: readonly string[] = [
  'include',
  'a',
  'mx',
  'ptr',
  'exists',
  'redirect',
];

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
const QNUM = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)';
const IP4 = new RegExp(`^${QNUM}\\.${QNUM}\\.${QNUM}\\.${QNUM}$`);
const TOPLABEL = /^([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/** Words people type for a mechanism they meant, so the message can suggest the right one. */
const SUGGESTIONS: Record<string, string> = {
  ipv4: 'ip4',
  ipv6: 'ip6',
  ip: 'ip4',
  includes: 'include',
  inlcude: 'include',
  incude: 'include',
  inclde: 'include',
  exist: 'exists',
  mx4: 'mx',
  a4: 'a',
};

interface TermParse {
  term?: SpfTerm;
  problems: SpfProblem[];
}

function err(code: SpfProblemCode, message: string, term?: string): SpfProblem {
  return term === undefined
    ? { level: 'error', code, message }
    : { level: 'error', code, message, term };
}

function warn(code: SpfProblemCode, message: string, term?: string): SpfProblem {
  return term === undefined
    ? { level: 'warning', code, message }
    : { level: 'warning', code, message, term };
}

/** Check a domain-spec: a macro-string ending in a top label or a macro. Returns a sentence or null. */
export function spfDomainSpecProblem(spec: string): string | null {
  if (spec === '') return 'has no domain after the ":"';
  const scan = scanMacroString(spec, 'domain');
  if (scan.problem) return scan.problem;
  if (scan.endsWithMacro) return null;
  const trimmed = spec.endsWith('.') ? spec.slice(0, -1) : spec;
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0) return `needs a full domain name with a dot, such as "${spec}.com"`;
  const top = trimmed.slice(dot + 1);
  if (!TOPLABEL.test(top)) return `does not end in a valid domain ending ("${top}")`;
  if (!scan.hasMacro) {
    const labels = trimmed.split('.');
    if (labels.some((l) => l.length === 0)) return 'has two dots in a row';
    if (labels.some((l) => l.length > 63)) return 'has a part longer than 63 characters';
    if (trimmed.length > 253) return 'is longer than the 253 characters a DNS name may have';
  }
  return null;
}

function parseCidr(raw: string, max: number): { ok: true; value: number } | { ok: false } {
  if (!/^(0|[1-9]\d{0,2})$/.test(raw)) return { ok: false };
  const value = Number(raw);
  return value <= max ? { ok: true, value } : { ok: false };
}

// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
function parseMechanism(text: string, index: number): TermParse {
  let rest = text;
  let qualifier: SpfQualifier = '+';
  let qualifierExplicit = false;
  const first = rest[0];
  if (first === '+' || first === '-' || first === '~' || first === '?') {
    qualifier = first;
    qualifierExplicit = true;
    rest = rest.slice(1);
  }
  const nameMatch = /^[a-z0-9]*/i.exec(rest);
  const rawName = nameMatch ? nameMatch[0] : '';
  const name = rawName.toLowerCase();
  let args = rest.slice(rawName.length);
  if (!(SPF_MECHANISMS as readonly string[]).includes(name)) {
    const hint = SUGGESTIONS[name];
    const better = hint ? ` Did you mean "${text.replace(rawName, hint)}"?` : '';
    const what =
      rawName === ''
        ? `"${text}" is not an SPF term.`
        : `"${text}" is not something SPF understands: "${rawName}" is not an SPF mechanism.`;
    return {
      problems: [
        err(
          'unknown-mechanism',
          `${what}${better} Receivers reject the whole record when it has an unknown term.`,
          text,
        ),
      ],
    };
  }
  const mech: SpfMechanism = {
    kind: 'mechanism',
    text,
    index,
    qualifier,
    qualifierExplicit,
    name: name as SpfMechanismName,
    hasMacro: false,
    lookups: SPF_LOOKUP_TERMS.includes(name) ? 1 : 0,
  };
  const problems: SpfProblem[] = [];
  const bad = (code: SpfProblemCode, why: string) =>
    problems.push(err(code, `"${text}" ${why}.`, text));

  switch (mech.name) {
    case 'all':
      if (args !== '') bad('bad-argument', 'is not valid: "all" takes nothing after it');
      break;
    case 'include':
    case 'exists': {
      if (!args.startsWith(':')) {
        bad('bad-argument', `needs a domain after "${name}:"`);
        break;
      }
      const spec = args.slice(1);
      const problem = spfDomainSpecProblem(spec);
      if (problem) bad(problem.includes('macro') ? 'bad-macro' : 'bad-domain', problem);
      mech.domain = spec;
      mech.hasMacro = spec.includes('%');
      break;
    }
    case 'a':
    case 'mx':
    case 'ptr': {
      if (name !== 'ptr') {
        const cidr = /(?:\/([^/]*))?(?:\/\/([^/]*))?$/.exec(args);
        const c4 = cidr?.[1];
        const c6 = cidr?.[2];
        if (cidr && (c4 !== undefined || c6 !== undefined)) {
          args = args.slice(0, cidr.index);
          if (c4 !== undefined) {
            const p = parseCidr(c4, 32);
            if (p.ok) mech.cidr4 = p.value;
            else
              bad(
                'bad-cidr',
                `has an IPv4 prefix length "/${c4}" that is not a number from 0 to 32`,
              );
          }
          if (c6 !== undefined) {
            const p = parseCidr(c6, 128);
            if (p.ok) mech.cidr6 = p.value;
            else
              bad(
                'bad-cidr',
                `has an IPv6 prefix length "//${c6}" that is not a number from 0 to 128`,
              );
          }
        }
      }
      if (args === '') break;
      if (!args.startsWith(':')) {
        bad(
          'bad-argument',
          `is not valid: after "${name}" only ":domain" or a "/prefix" may follow`,
        );
        break;
      }
      const spec = args.slice(1);
      const problem = spfDomainSpecProblem(spec);
      if (problem) bad(problem.includes('macro') ? 'bad-macro' : 'bad-domain', problem);
      mech.domain = spec;
      mech.hasMacro = spec.includes('%');
      break;
    }
    case 'ip4': {
      if (!args.startsWith(':')) {
        bad('bad-ip4', 'needs an address after "ip4:", such as ip4:192.0.2.10');
        break;
      }
      const [addr = '', ...cidrs] = args.slice(1).split('/');
      mech.network = addr;
      if (!IP4.test(addr)) {
        bad(
          'bad-ip4',
          `has "${addr}", which is not an IPv4 address written as four numbers from 0 to 255`,
        );
      }
      if (cidrs.length > 1) bad('bad-cidr', 'has more than one "/" prefix');
      else if (cidrs.length === 1) {
        const p = parseCidr(cidrs[0] as string, 32);
        if (p.ok) mech.cidr4 = p.value;
        else
          bad('bad-cidr', `has a prefix length "/${cidrs[0]}" that is not a number from 0 to 32`);
      }
      break;
    }
    case 'ip6': {
      if (!args.startsWith(':')) {
        bad('bad-ip6', 'needs an address after "ip6:", such as ip6:2001:db8::10');
        break;
      }
      const body = args.slice(1);
      const slash = body.indexOf('/');
      const addr = slash < 0 ? body : body.slice(0, slash);
      mech.network = addr;
      if (addr.includes('%') || !ipaddr.IPv6.isValid(addr)) {
        bad('bad-ip6', `has "${addr}", which is not an IPv6 address`);
      }
      if (slash >= 0) {
        const c = body.slice(slash + 1);
        const p = parseCidr(c, 128);
        if (p.ok) mech.cidr6 = p.value;
        else bad('bad-cidr', `has a prefix length "/${c}" that is not a number from 0 to 128`);
      }
      break;
    }
  }
  return { term: mech, problems };
}

function parseModifier(text: string, index: number, eq: number): TermParse {
  const name = text.slice(0, eq).toLowerCase();
  const value = text.slice(eq + 1);
  const known = name === 'redirect' || name === 'exp';
  const mod: SpfModifier = {
    kind: 'modifier',
    text,
    index,
    name,
    value,
    known,
    hasMacro: value.includes('%'),
    lookups: name === 'redirect' ? 1 : 0,
  };
  const problems: SpfProblem[] = [];
  if (known) {
    const problem = spfDomainSpecProblem(value);
    if (problem) {
      problems.push(
        err(problem.includes('macro') ? 'bad-macro' : 'bad-domain', `"${text}" ${problem}.`, text),
      );
    }
  } else {
    const scan = scanMacroString(value, 'explanation');
    if (scan.problem) problems.push(err('bad-macro', `"${text}" ${scan.problem}.`, text));
    const hint = SUGGESTIONS[name] ?? (SPF_MECHANISMS as readonly string[]).find((m) => m === name);
    problems.push(
      warn(
        'unknown-modifier',
        hint
          ? `"${text}" is ignored by receivers. Did you mean "${hint}:${value}"?`
          : `"${text}" is not a standard SPF setting; receivers ignore it.`,
        text,
      ),
    );
  }
  return { term: mod, problems };
}

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

/**
 * Parse an SPF record (the joined TXT text). Never throws: every problem is in `problems`, with a
 * plain sentence a non-expert can act on.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function parseSpf(text: string): SpfRecord {
  const problems: SpfProblem[] = [];
  const result: SpfRecord = {
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
    problems,
  };
  const version = /^v=spf1(?= |$)/i;
  if (!version.test(text)) {
    if (version.test(text.trimStart()) || /^\s+v=spf1/i.test(text)) {
      problems.push(
        err(
          'leading-space',
          'The record starts with a space, so receivers do not see it as SPF. Remove the space before "v=spf1".',
        ),
      );
    } else if (/^v=spf1\S/i.test(text)) {
      problems.push(
        err(
          'not-spf',
          `The record must start with "v=spf1" followed by a space; it starts with "${text.split(' ')[0]}".`,
        ),
      );
    } else if (/^spf2\.0\//i.test(text)) {
      problems.push(
        err(
          'not-spf',
          'This is a Sender ID record ("spf2.0"), an abandoned standard. Receivers ignore it; publish a "v=spf1" record instead.',
        ),
      );
    } else {
      problems.push(
        err('not-spf', 'This is not an SPF record: an SPF record starts with "v=spf1".'),
      );
    }
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

  const raw = splitTerms(text.slice(6), problems);
  let allSeen: SpfMechanism | undefined;
  const seenModifiers = new Set<string>();
  const seenTerms = new Set<string>();
  raw.forEach((t, index) => {
    const eq = t.indexOf('=');
    const nameBeforeEq = eq > 0 ? t.slice(0, eq) : '';
    const parsed = MODIFIER_NAME.test(nameBeforeEq)
      ? parseModifier(t, index, eq)
      : parseMechanism(t, index);
    problems.push(...parsed.problems);
    const term = parsed.term;
    if (!term) return;
    result.terms.push(term);
    if (term.hasMacro) result.hasMacros = true;
    const key = term.text.toLowerCase();
    if (seenTerms.has(key)) {
      problems.push(
        warn('duplicate-term', `"${term.text}" appears twice; one is enough.`, term.text),
      );
    }
    seenTerms.add(key);

    if (term.kind === 'modifier') {
      result.modifiers.push(term);
      if (term.known) {
        if (seenModifiers.has(term.name)) {
          problems.push(
            err(
              'duplicate-modifier',
              `"${term.name}=" appears more than once. It may appear only once; receivers reject the record otherwise.`,
              term.text,
            ),
          );
        }
        seenModifiers.add(term.name);
        if (term.name === 'redirect') result.redirect = term.value;
        else result.exp = term.value;
      }
      return;
    }

    result.mechanisms.push(term);
    if (allSeen) {
      problems.push(
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
    if (term.name === 'all') allSeen = term;
    if (term.name === 'include' && term.domain !== undefined) result.includes.push(term.domain);
    if (term.name === 'ip4' && term.network !== undefined) {
      result.ip4.push(term.cidr4 === undefined ? term.network : `${term.network}/${term.cidr4}`);
    }
    if (term.name === 'ip6' && term.network !== undefined) {
      result.ip6.push(term.cidr6 === undefined ? term.network : `${term.network}/${term.cidr6}`);
    }
    if (term.lookups > 0) result.lookupTerms.push(term);
    if ((term.cidr4 === 0 && term.name !== 'ip6') || (term.cidr6 === 0 && term.name !== 'ip4')) {
      if (term.qualifier === '+') {
        problems.push(
          warn(
            'allow-everyone',
            `"${term.text}" allows a whole address space (prefix /0): anyone could send as your domain. Use your server's exact address.`,
            term.text,
          ),
        );
      }
    }
    if (term.name === 'ptr') {
      problems.push(
        warn(
          'ptr',
          `"${term.text}" is slow and unreliable, and RFC 7208 says not to use it. Name your servers with ip4:/ip6: or a: instead.`,
          term.text,
        ),
      );
    }
  });
  result.all = allSeen;

  const redirectTerm = result.modifiers.find((m) => m.name === 'redirect');
  if (redirectTerm && allSeen) {
    problems.push(
      warn(
        'redirect-ignored',
        `"${redirectTerm.text}" is ignored because the record has "${allSeen.text}". Keep one of them.`,
        redirectTerm.text,
      ),
    );
  } else if (redirectTerm) {
    result.lookupTerms.push(redirectTerm);
  }

  result.lookupCount = result.lookupTerms.reduce((n, t) => n + t.lookups, 0);
  result.voidCandidates = result.lookupTerms.filter((t) => !t.hasMacro);

  if (allSeen?.qualifier === '+') {
    problems.push(
      warn(
        'plus-all',
        `"${allSeen.text}" lets every server in the world send mail as your domain. Use "~all" (or "-all" once reports are clean).`,
        allSeen.text,
      ),
    );
  } else if (allSeen?.qualifier === '?') {
    problems.push(
      warn(
        'neutral-all',
        `"${allSeen.text}" tells receivers nothing about other servers, so it does not protect your domain. Use "~all", then "-all".`,
        allSeen.text,
      ),
    );
  } else if (!allSeen && !redirectTerm) {
    problems.push(
      warn(
        'no-all',
        'The record does not end with "~all" or "-all", so receivers treat mail from other servers as neutral. Add "~all" at the end.',
      ),
    );
  }

  if (result.lookupCount > SPF_MAX_LOOKUPS) {
    problems.push(
      err(
        'too-many-lookups',
        `The record needs ${result.lookupCount} DNS lookups; receivers allow at most ${SPF_MAX_LOOKUPS} and reject the record beyond that. Replace some include:, a or mx terms with ip4:/ip6: addresses.`,
      ),
    );
  }
  if (utf8ByteLength(text) > 450) {
    problems.push(
      warn(
        'long-record',
        `The record is ${utf8ByteLength(text)} characters long. Records this long can exceed what some receivers fetch in one answer; keep SPF short.`,
      ),
    );
  }

  // Too many lookups is a runtime limit, not a syntax error: the record still parses.
  result.valid = !problems.some((p) => p.level === 'error' && p.code !== 'too-many-lookups');
  return result;
}
