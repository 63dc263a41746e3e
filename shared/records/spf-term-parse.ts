import ipaddr from 'ipaddr.js';
import { scanMacroString } from './spf-macro';
import type {
  SpfMechanism,
  SpfMechanismName,
  SpfModifier,
  SpfProblem,
  SpfProblemCode,
  SpfQualifier,
  SpfTerm,
} from './spf-parse';

/**
 * One SPF term at a time (RFC 7208 section 12 grammar): a mechanism with its qualifier and
 * argument, or a modifier. Pure. parseSpf (spf-parse.ts) calls these for each term and judges
 * the record as a whole.
 */

/** The mechanisms RFC 7208 defines. */
export const SPF_MECHANISMS = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'] as const;

/** Terms that make a DNS query and so count toward the limit of 10 (RFC 7208 section 4.6.4). */
const SPF_LOOKUP_TERMS: readonly string[] = ['include', 'a', 'mx', 'ptr', 'exists', 'redirect'];

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

/** A term as parsed, with the problems found in it alone. */
export interface TermParse {
  term?: SpfTerm;
  problems: SpfProblem[];
}

/** An error-level problem: receivers answer permerror (or the text is not SPF). */
export function err(code: SpfProblemCode, message: string, term?: string): SpfProblem {
  return term === undefined
    ? { level: 'error', code, message }
    : { level: 'error', code, message, term };
}

/** A warning-level problem: the record works, but is risky or wasteful. */
export function warn(code: SpfProblemCode, message: string, term?: string): SpfProblem {
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

/** Report one problem of the term being parsed: `"<term>" <why>.` */
type Bad = (code: SpfProblemCode, why: string) => void;

/** The mechanism's name and qualifier: `~all` -> softfail, all; `a` -> pass (implied), a. */
function splitQualifier(text: string): {
  qualifier: SpfQualifier;
  qualifierExplicit: boolean;
  rawName: string;
  args: string;
} {
  const first = text[0];
  const explicit = first === '+' || first === '-' || first === '~' || first === '?';
  const rest = explicit ? text.slice(1) : text;
  const rawName = /^[a-z0-9]*/i.exec(rest)?.[0] ?? '';
  return {
    qualifier: explicit ? first : '+',
    qualifierExplicit: explicit,
    rawName,
    args: rest.slice(rawName.length),
  };
}

function unknownMechanism(text: string, rawName: string): TermParse {
  const hint = SUGGESTIONS[rawName.toLowerCase()];
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

/** The ":domain" after include, exists, a, mx or ptr (args start with the colon). */
function domainArg(mech: SpfMechanism, args: string, bad: Bad): void {
  const spec = args.slice(1);
  const problem = spfDomainSpecProblem(spec);
  if (problem) bad(problem.includes('macro') ? 'bad-macro' : 'bad-domain', problem);
  mech.domain = spec;
  mech.hasMacro = spec.includes('%');
}

/** The "/24//64" prefix lengths at the end of an a or mx term; returns the args without them. */
function dualCidr(mech: SpfMechanism, args: string, bad: Bad): string {
  const cidr = /(?:\/([^/]*))?(?:\/\/([^/]*))?$/.exec(args);
  const c4 = cidr?.[1];
  const c6 = cidr?.[2];
  if (!cidr || (c4 === undefined && c6 === undefined)) return args;
  if (c4 !== undefined) {
    const p = parseCidr(c4, 32);
    if (p.ok) mech.cidr4 = p.value;
    else bad('bad-cidr', `has an IPv4 prefix length "/${c4}" that is not a number from 0 to 32`);
  }
  if (c6 !== undefined) {
    const p = parseCidr(c6, 128);
    if (p.ok) mech.cidr6 = p.value;
    else bad('bad-cidr', `has an IPv6 prefix length "//${c6}" that is not a number from 0 to 128`);
  }
  return args.slice(0, cidr.index);
}

/** a, mx, ptr: an optional ":domain", and (not for ptr) optional prefix lengths. */
function hostArgs(mech: SpfMechanism, raw: string, bad: Bad): void {
  const args = mech.name === 'ptr' ? raw : dualCidr(mech, raw, bad);
  if (args === '') return;
  if (!args.startsWith(':')) {
    bad(
      'bad-argument',
      `is not valid: after "${mech.name}" only ":domain" or a "/prefix" may follow`,
    );
    return;
  }
  domainArg(mech, args, bad);
}

function ip4Arg(mech: SpfMechanism, args: string, bad: Bad): void {
  if (!args.startsWith(':')) {
    bad('bad-ip4', 'needs an address after "ip4:", such as ip4:192.0.2.10');
    return;
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
    else bad('bad-cidr', `has a prefix length "/${cidrs[0]}" that is not a number from 0 to 32`);
  }
}

function ip6Arg(mech: SpfMechanism, args: string, bad: Bad): void {
  if (!args.startsWith(':')) {
    bad('bad-ip6', 'needs an address after "ip6:", such as ip6:2001:db8::10');
    return;
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
}

/** Parse one mechanism term (`~all`, `ip4:192.0.2.0/24`, `include:_spf.example.com`...). */
export function parseMechanism(text: string, index: number): TermParse {
  const { qualifier, qualifierExplicit, rawName, args } = splitQualifier(text);
  const name = rawName.toLowerCase();
  if (!(SPF_MECHANISMS as readonly string[]).includes(name)) return unknownMechanism(text, rawName);
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
  const bad: Bad = (code, why) => problems.push(err(code, `"${text}" ${why}.`, text));
  switch (mech.name) {
    case 'all':
      if (args !== '') bad('bad-argument', 'is not valid: "all" takes nothing after it');
      break;
    case 'include':
    case 'exists':
      if (args.startsWith(':')) domainArg(mech, args, bad);
      else bad('bad-argument', `needs a domain after "${name}:"`);
      break;
    case 'a':
    case 'mx':
    case 'ptr':
      hostArgs(mech, args, bad);
      break;
    case 'ip4':
      ip4Arg(mech, args, bad);
      break;
    case 'ip6':
      ip6Arg(mech, args, bad);
      break;
  }
  return { term: mech, problems };
}

/** Parse one modifier term (`redirect=...`, `exp=...`, or an unknown one receivers ignore). */
export function parseModifier(text: string, index: number, eq: number): TermParse {
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
