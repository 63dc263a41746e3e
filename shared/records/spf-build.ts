import ipaddr from 'ipaddr.js';
import { parseSpf, SPF_MAX_LOOKUPS, type SpfMechanism, type SpfRecord } from './spf-parse';

/**
 * Build the domain's one SPF record, merging with what is already published: keep every
 * existing mechanism, add the server's addresses and the senders' includes that are missing,
 * keep a single `all` at the end. Never two records: RFC 7208 makes two a permerror.
 */

/** What to put in the record. */
export interface SpfWants {
  /** Server addresses (canonical), authorised with ip4:/ip6: unless already covered. */
  ipv4: string[];
  ipv6: string[];
  /** Names authorised with a: (used instead of addresses when asked). */
  aNames?: string[];
  /** Include targets (without "include:"), added when missing. */
  includes: string[];
  /** The ending for a new record: softfail (~all) or fail (-all). */
  all: 'softfail' | 'fail';
}

/** The merged record and what was done to get there. */
export interface SpfBuild {
  /** The record text, e.g. "v=spf1 ip4:203.0.113.10 include:_spf.google.com ~all". */
  value: string;
  /** The parsed result (problems, lookup count). */
  parsed: SpfRecord;
  /** Whether an existing record was merged (so the user edits it instead of adding one). */
  merged: boolean;
  /** Plain sentences on what changed compared with the existing record(s). */
  notes: string[];
  /** Plain sentences on risks (too many lookups, a loose ending that was tightened). */
  warnings: string[];
}

function covered(ip: string, mechanisms: SpfMechanism[]): boolean {
  const addr = ipaddr.parse(ip);
  return mechanisms.some((m) => {
    if ((m.name !== 'ip4' && m.name !== 'ip6') || m.network === undefined) return false;
    if (m.qualifier !== '+') return false;
    try {
      const net = ipaddr.parse(m.network);
      if (net.kind() !== addr.kind()) return false;
      const bits = m.name === 'ip4' ? (m.cidr4 ?? 32) : (m.cidr6 ?? 128);
      return addr.match(net, bits);
    } catch {
      return false;
    }
  });
}

/**
 * A mechanism's identity for spotting duplicates: `include:_SPF.Google.com.` and
 * `+include:_spf.google.com` are the same term to a receiver (case, implied `+`, final dot).
 */
function termKey(term: SpfMechanism): string {
  const arg = term.text
    .replace(/^[+\-~?]/, '')
    .slice(term.name.length)
    .toLowerCase();
  return `${term.qualifier}${term.name}${arg.replace(/\.(?=$|\/)/, '')}`;
}

/** The `all` term for an ending. */
export function spfAllTerm(all: 'softfail' | 'fail'): string {
  return all === 'fail' ? '-all' : '~all';
}

/** What the records of today bring to the merged one. */
interface OldParts {
  /** Mechanisms kept, as written, in order. */
  kept: string[];
  keptMechs: SpfMechanism[];
  /** Terms already in the record (qualifier, name and argument, lowercase). */
  seen: Set<string>;
  /** The first `all` of today's records. */
  oldAll?: SpfMechanism;
  modifiers: string[];
}

/** Take every term of today's records once, leaving out what receivers never read. */
function mergeOld(olds: readonly SpfRecord[], notes: string[], warnings: string[]): OldParts {
  const parts: OldParts = { kept: [], keptMechs: [], seen: new Set(), modifiers: [] };
  const { seen, modifiers } = parts;
  for (const old of olds) {
    for (const term of old.terms) {
      const key = term.kind === 'modifier' ? term.text.toLowerCase() : termKey(term);
      if (term.kind === 'modifier') {
        if (!seen.has(key) && !modifiers.some((m) => m.toLowerCase().startsWith(`${term.name}=`))) {
          modifiers.push(term.text);
        }
        seen.add(key);
        continue;
      }
      if (old.all && term.index > old.all.index) {
        notes.push(
          `We left out "${term.text}": it came after "${old.all.text}", so receivers never read it.`,
        );
        continue;
      }
      if (term.name === 'all') {
        parts.oldAll ??= term;
        continue;
      }
      if (seen.has(key)) {
        notes.push(`We left out a second "${term.text}": the record already has it.`);
        continue;
      }
      seen.add(key);
      parts.kept.push(term.text);
      parts.keptMechs.push(term);
    }
    for (const p of old.problems) {
      if (p.level === 'error' && p.code !== 'too-many-lookups') {
        warnings.push(
          `Your current SPF record has a problem that the merged record keeps: ${p.message}`,
        );
      }
    }
  }
  return parts;
}

/** The plan's addresses, names and includes that today's records do not already cover. */
function wantedTerms(wants: SpfWants, old: OldParts): { added: string[]; includes: string[] } {
  const { seen, keptMechs } = old;
  const added: string[] = [];
  for (const ip of wants.ipv4) {
    if (!covered(ip, keptMechs)) added.push(`ip4:${ip}`);
  }
  for (const ip of wants.ipv6) {
    if (!covered(ip, keptMechs)) added.push(`ip6:${ip}`);
  }
  for (const name of wants.aNames ?? []) {
    const key = `+a:${name.toLowerCase().replace(/\.$/, '')}`;
    if (!seen.has(key)) {
      seen.add(key);
      added.push(`a:${name}`);
    }
  }
  const includes: string[] = [];
  for (const inc of wants.includes) {
    const name = inc.toLowerCase().replace(/\.$/, '');
    // Any qualifier counts: "?include:x" already asks x, a second "include:x" would only cost a lookup.
    if (['+', '-', '~', '?'].some((q) => seen.has(`${q}include:${name}`))) continue;
    seen.add(`+include:${name}`);
    includes.push(`include:${name}`);
  }
  return { added, includes };
}

/** The merged record's `all`: today's, tightened from +all and ?all; none after a redirect alone. */
function endingTerm(
  oldAll: SpfMechanism | undefined,
  wants: SpfWants,
  hasRedirect: boolean,
  warnings: string[],
): string | undefined {
  if (!oldAll) return hasRedirect ? undefined : spfAllTerm(wants.all);
  if (oldAll.qualifier === '+') {
    const allTerm = spfAllTerm(wants.all);
    warnings.push(
      `Your current record ends with "${oldAll.text}", which does not protect your domain; the merged record ends with "${allTerm}" instead. Check that every service that sends your mail is listed first.`,
    );
    return allTerm;
  }
  if (oldAll.qualifier === '?') {
    // "?all" (neutral) tells receivers nothing about forged mail. "~all" is the gentle step up:
    // mail from a sender the old record forgot is marked, not refused.
    warnings.push(
      `Your current record ends with "${oldAll.text}" (neutral: receivers learn nothing about forged mail); the merged record ends with "~all" instead, so mail from anywhere else is marked as suspicious. Check that every service that sends your mail is listed first; once it is, you can make it "-all".`,
    );
    return '~all';
  }
  return oldAll.qualifier === '-' ? '-all' : '~all';
}

/** What the user should know about the finished record: what was merged, what the lookups cost. */
function resultNotes(
  parsed: SpfRecord,
  merged: boolean,
  what: readonly string[],
  notes: string[],
  warnings: string[],
): void {
  if (merged) {
    notes.push(
      what.length > 0
        ? `We kept everything in your current SPF record and added ${what.map((t) => `"${t}"`).join(', ')}. Edit your existing SPF record to this value; do not add a second one.`
        : 'Your current SPF record already authorises everything in this plan; keep it as it is.',
    );
  }
  if (parsed.lookupCount > SPF_MAX_LOOKUPS) {
    warnings.push(
      `This record needs ${parsed.lookupCount} DNS lookups, more than the ${SPF_MAX_LOOKUPS} receivers allow, so they will reject it. Remove services you no longer use, or replace include: terms with the addresses they stand for.`,
    );
  } else if (parsed.includes.length > 0) {
    notes.push(
      `The record itself uses ${parsed.lookupCount} of the ${SPF_MAX_LOOKUPS} DNS lookups allowed; each include: can use more inside it. The check step counts them all.`,
    );
  }
}

/**
 * Build or merge the SPF record. `existing` holds the text of every SPF record already at the
 * domain (usually none or one; two or more is the mistake this fixes).
 */
export function buildSpf(wants: SpfWants, existing: readonly string[] = []): SpfBuild {
  const notes: string[] = [];
  const warnings: string[] = [];
  const olds = existing.map((t) => parseSpf(t)).filter((r) => r.isSpf);
  if (olds.length > 1) {
    notes.push(
      `Your domain has ${olds.length} SPF records; receivers reject them all when there is more than one. This single record replaces them: delete the others.`,
    );
  }
  const old = mergeOld(olds, notes, warnings);
  const { added, includes } = wantedTerms(wants, old);
  const hasRedirect = old.modifiers.some((m) => /^redirect=/i.test(m));
  const allTerm = endingTerm(old.oldAll, wants, hasRedirect, warnings);

  const terms = ['v=spf1', ...added, ...old.kept, ...includes];
  if (allTerm) terms.push(allTerm);
  terms.push(...old.modifiers.filter((m) => !(allTerm && /^redirect=/i.test(m))));
  if (allTerm && hasRedirect && old.oldAll) {
    notes.push(
      'We left out the redirect= of your current record: it is ignored when the record ends with "all".',
    );
  }
  const value = terms.join(' ');
  const parsed = parseSpf(value);
  resultNotes(parsed, olds.length > 0, [...added, ...includes], notes, warnings);
  return { value, parsed, merged: olds.length > 0, notes, warnings };
}
