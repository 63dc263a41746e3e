import { parseTagList, type Tag, type TagList } from './tag-list';
import { parseMailAddress, parseMailtoUri } from './mail-address';

/**
 * DMARC record parser: RFC 7489 tags with the changes of RFC 9989 (DMARCbis, which obsoletes
 * RFC 7489): `pct`, `rf` and `ri` are removed; `np`, `psd` and `t` are added. Pure; used by the
 * planner (keep an existing record), the checker (dmarc.syntax, dmarc.policy, dmarc.reports)
 * and the UI's live check.
 */

/** A DMARC policy value. */
export type DmarcPolicyValue = 'none' | 'quarantine' | 'reject';

/** One report address from rua= or ruf=. */
export interface DmarcReportUri {
  /** As written, e.g. "mailto:dmarc@example.com!10m". */
  uri: string;
  /** The URI scheme, lowercased ("mailto", "https"...). */
  scheme: string;
  /** For mailto: the address. */
  address?: string;
  /** For mailto: the domain of the address, lowercased. */
  domain?: string;
}

/** Machine-readable kinds of problem. */
export type DmarcProblemCode =
  | 'not-dmarc'
  | 'version-not-first'
  | 'bad-version'
  | 'syntax'
  | 'duplicate-tag'
  | 'missing-policy'
  | 'bad-value'
  | 'removed-tag'
  | 'unknown-tag'
  | 'bad-uri'
  | 'not-mailto'
  | 'policy-none'
  | 'testing';

/** A problem found in the record, in plain words. */
export interface DmarcProblem {
  /** error: receivers may ignore the record or the tag; warning: works, but check it. */
  level: 'error' | 'warning';
  code: DmarcProblemCode;
  message: string;
  /** The tag the problem is about, when there is one. */
  tag?: string;
}

/** What parseDmarc found. */
export interface DmarcRecord {
  text: string;
  /** The record begins with `v=DMARC1` (receivers take it as DMARC). */
  isDmarc: boolean;
  /** No error-level problem. */
  valid: boolean;
  /** Every tag with its value as written (first value of a duplicate). */
  tags: Record<string, string>;
  policy?: DmarcPolicyValue;
  subdomainPolicy?: DmarcPolicyValue;
  /** Policy for non-existent subdomains (RFC 9989). */
  nonexistentPolicy?: DmarcPolicyValue;
  /** t=y: the owner is testing; receivers apply one step less strict a policy (RFC 9989). */
  testing: boolean;
  adkim: 'r' | 's';
  aspf: 'r' | 's';
  rua: DmarcReportUri[];
  ruf: DmarcReportUri[];
  problems: DmarcProblem[];
}

/** Options for parseDmarc. */
export interface DmarcParseOptions {
  /**
   * Whether the record sits at the organizational domain (`_dmarc.example.com`), where `p=` is
   * required. At a subdomain a missing p= falls back to the parent's. Default true.
   */
  orgDomain?: boolean;
}

const POLICIES = ['none', 'quarantine', 'reject'];
const KNOWN = new Set(['v', 'p', 'sp', 'np', 'psd', 't', 'adkim', 'aspf', 'fo', 'rua', 'ruf']);
const REMOVED: Record<string, string> = {
  pct: 'RFC 9989 removed "pct"; receivers now apply the policy to all mail. To test a stricter policy first, use "t=y".',
  rf: 'RFC 9989 removed "rf" (the failure report format); receivers ignore it. You can delete it.',
  ri: 'RFC 9989 removed "ri" (the report interval); receivers send reports once a day anyway. You can delete it.',
};

function parseUris(tag: Tag, problems: DmarcProblem[]): DmarcReportUri[] {
  const out: DmarcReportUri[] = [];
  for (const raw of tag.value.split(',')) {
    const uri = raw.trim();
    if (uri === '') {
      problems.push({
        level: 'error',
        code: 'bad-uri',
        tag: tag.name,
        message: `"${tag.name}=" has an empty address. Give an address such as mailto:dmarc@example.com.`,
      });
      continue;
    }
    const colon = uri.indexOf(':');
    const scheme = colon > 0 ? uri.slice(0, colon).toLowerCase() : '';
    if (scheme === '' || !/^[a-z][a-z0-9+.-]*$/.test(scheme)) {
      const fix = parseMailAddress(uri).ok ? ` Write it as "mailto:${uri}".` : '';
      problems.push({
        level: 'error',
        code: 'bad-uri',
        tag: tag.name,
        message: `"${uri}" in "${tag.name}=" is not a report address: it must start with "mailto:".${fix}`,
      });
      continue;
    }
    if (scheme !== 'mailto') {
      problems.push({
        level: 'warning',
        code: 'not-mailto',
        tag: tag.name,
        message: `"${uri}" in "${tag.name}=" is not a mailto: address. Most receivers send reports only by mail; use mailto:.`,
      });
      out.push({ uri, scheme });
      continue;
    }
    const parsed = parseMailtoUri(uri);
    if (!parsed.ok) {
      problems.push({
        level: 'error',
        code: 'bad-uri',
        tag: tag.name,
        message: `In "${tag.name}=": ${parsed.message}`,
      });
      continue;
    }
    out.push({ uri, scheme, address: parsed.address, domain: parsed.domain });
  }
  return out;
}

function policyValue(tag: Tag | undefined, problems: DmarcProblem[]): DmarcPolicyValue | undefined {
  if (!tag) return undefined;
  const v = tag.value.toLowerCase();
  if (POLICIES.includes(v)) return v as DmarcPolicyValue;
  problems.push({
    level: 'error',
    code: 'bad-value',
    tag: tag.name,
    message: `"${tag.rawName}=${tag.value}" is not a valid policy. Use none, quarantine or reject.`,
  });
  return undefined;
}

function choice<T extends string>(
  tag: Tag | undefined,
  allowed: readonly T[],
  meaning: string,
  problems: DmarcProblem[],
): T | undefined {
  if (!tag) return undefined;
  const v = tag.value.toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  problems.push({
    level: 'error',
    code: 'bad-value',
    tag: tag.name,
    message: `"${tag.rawName}=${tag.value}" is not valid: ${meaning} takes ${allowed.join(' or ')}.`,
  });
  return undefined;
}

/** Why the record is not read as DMARC at all (no v=DMARC1, or not first); null when it is. */
function versionProblem(list: TagList): DmarcProblem | null {
  const first = list.tags[0];
  const versionTag = list.tags.find((t) => t.name === 'v');
  if (!versionTag) {
    return {
      level: 'error',
      code: 'not-dmarc',
      message: 'This is not a DMARC record: a DMARC record starts with "v=DMARC1".',
    };
  }
  if (versionTag.value !== 'DMARC1') {
    return {
      level: 'error',
      code: 'bad-version',
      tag: 'v',
      message: `The record says "v=${versionTag.value}"; it must be exactly "v=DMARC1" (capital letters), or receivers ignore it.`,
    };
  }
  if (first !== versionTag || list.issues.some((i) => i.index < versionTag.index)) {
    return {
      level: 'error',
      code: 'version-not-first',
      tag: 'v',
      message:
        '"v=DMARC1" must come first in the record, or receivers ignore the whole record. Move it to the start.',
    };
  }
  return null;
}

/** Parts that are not name=value tags, and tags given twice. */
function listProblems(list: TagList): DmarcProblem[] {
  return list.issues.flatMap((issue): DmarcProblem[] => {
    if (issue.kind === 'duplicate') {
      return [
        {
          level: 'error',
          code: 'duplicate-tag',
          tag: issue.name,
          message: `"${issue.name}=" appears more than once. Keep one; receivers may reject the record otherwise.`,
        },
      ];
    }
    if (issue.kind === 'no-equals' || issue.kind === 'bad-name') {
      return [
        {
          level: 'error',
          code: 'syntax',
          message: `"${issue.text}" is not a tag: each part must look like name=value, separated by ";".`,
        },
      ];
    }
    return [];
  });
}

/** No p=: an error at the organizational domain, a warning below it (the parent's applies). */
function missingPolicy(orgDomain: boolean): DmarcProblem {
  return orgDomain
    ? {
        level: 'error',
        code: 'missing-policy',
        tag: 'p',
        message:
          'The record has no policy ("p="). Add "p=none" to start; receivers may ignore a record without it.',
      }
    : {
        level: 'warning',
        code: 'missing-policy',
        tag: 'p',
        message:
          'The record has no policy ("p="), so the parent domain\'s policy applies. Add "p=" to set one here.',
      };
}

/** Read the tags' values into the record, with a problem for each value that is not allowed. */
function readTags(result: DmarcRecord, byName: Map<string, Tag>, orgDomain: boolean): void {
  const problems = result.problems;
  result.policy = policyValue(byName.get('p'), problems);
  result.subdomainPolicy = policyValue(byName.get('sp'), problems);
  result.nonexistentPolicy = policyValue(byName.get('np'), problems);
  if (!byName.has('p')) problems.push(missingPolicy(orgDomain));
  result.adkim =
    choice(byName.get('adkim'), ['r', 's'] as const, 'adkim (DKIM alignment)', problems) ?? 'r';
  result.aspf =
    choice(byName.get('aspf'), ['r', 's'] as const, 'aspf (SPF alignment)', problems) ?? 'r';
  choice(byName.get('psd'), ['y', 'n', 'u'] as const, 'psd (public suffix domain)', problems);
  result.testing = choice(byName.get('t'), ['y', 'n'] as const, 't (testing)', problems) === 'y';
  const fo = byName.get('fo');
  if (
    fo &&
    !fo.value.split(':').every((o) => ['0', '1', 'd', 's'].includes(o.trim().toLowerCase()))
  ) {
    problems.push({
      level: 'error',
      code: 'bad-value',
      tag: 'fo',
      message: `"fo=${fo.value}" is not valid: use 0, 1, d or s, separated by ":".`,
    });
  }
  const rua = byName.get('rua');
  if (rua) result.rua = parseUris(rua, problems);
  const ruf = byName.get('ruf');
  if (ruf) result.ruf = parseUris(ruf, problems);
}

/** Tags RFC 9989 removed, and tags DMARC does not know (receivers ignore both). */
function tagWarnings(tags: readonly Tag[]): DmarcProblem[] {
  return tags.flatMap((t): DmarcProblem[] => {
    const removed = REMOVED[t.name];
    if (removed) {
      return [
        {
          level: 'warning',
          code: 'removed-tag',
          tag: t.name,
          message: `"${t.rawName}=${t.value}": ${removed}`,
        },
      ];
    }
    if (!KNOWN.has(t.name)) {
      return [
        {
          level: 'warning',
          code: 'unknown-tag',
          tag: t.name,
          message: `"${t.rawName}=" is not a DMARC tag; receivers ignore it. Check the spelling.`,
        },
      ];
    }
    return [];
  });
}

/** A record that works but does not protect yet: p=none, or t=y (testing). */
function ladderWarnings(result: DmarcRecord): DmarcProblem[] {
  const out: DmarcProblem[] = [];
  if (result.policy === 'none') {
    out.push({
      level: 'warning',
      code: 'policy-none',
      tag: 'p',
      message:
        '"p=none" only watches: receivers deliver spoofed mail as usual. Move to "p=quarantine" once reports show your own mail passes.',
    });
  }
  if (result.testing) {
    out.push({
      level: 'warning',
      code: 'testing',
      tag: 't',
      message:
        '"t=y" marks the policy as a test: receivers apply a milder policy than the one written. Remove it when you are confident.',
    });
  }
  return out;
}

/**
 * Parse a DMARC record (the joined TXT text). Never throws; problems come as plain sentences.
 */
export function parseDmarc(text: string, options: DmarcParseOptions = {}): DmarcRecord {
  const orgDomain = options.orgDomain ?? true;
  const problems: DmarcProblem[] = [];
  const result: DmarcRecord = {
    text,
    isDmarc: false,
    valid: false,
    tags: {},
    testing: false,
    adkim: 'r',
    aspf: 'r',
    rua: [],
    ruf: [],
    problems,
  };
  const list = parseTagList(text);
  const notDmarc = versionProblem(list);
  if (notDmarc) {
    problems.push(notDmarc);
    return result;
  }
  result.isDmarc = true;
  problems.push(...listProblems(list));
  const byName = new Map(list.tags.map((t) => [t.name, t]));
  for (const t of list.tags) result.tags[t.name] = t.value;
  readTags(result, byName, orgDomain);
  problems.push(...tagWarnings(list.tags), ...ladderWarnings(result));
  result.valid = !problems.some((p) => p.level === 'error');
  return result;
}
