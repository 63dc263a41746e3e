import { parseDmarc, type DmarcRecord } from '../records/dmarc-parse';
import { organizationalDomain } from '../records/dmarc-walk';
import { publishedAnswers, txtValues, type Lookup } from './dns-observation';
import type { DmarcObservation } from './observations';

/**
 * Which DMARC record a receiver applies to mail from the plan's domain: its own at
 * `_dmarc.<domain>`, or, for a subdomain without one, the first record up the tree (RFC 9989), and
 * which of its policies (p=, sp=, np=) applies. Pure: it reads the lookups main/ made.
 */

/** The DMARC record that applies, and how it was found. */
export interface AppliedDmarc {
  /** own: at _dmarc.<domain>; inherited: a parent's; none: no record anywhere; unknown: could not tell. */
  state: 'own' | 'inherited' | 'none' | 'unknown';
  /** The domain whose record applies (with `_dmarc.` in front, the name it is published at). */
  at?: string;
  /** The lookup the record was read from. */
  lookup?: Lookup;
  /** The DMARC texts published there (more than one is dmarc.single's mistake). */
  texts?: string[];
  record?: DmarcRecord;
  /** The policy a receiver applies to this domain, and the tag it came from. */
  policy?: { tag: 'p' | 'sp' | 'np'; value: string };
  /** Receivers still on RFC 7489 (public suffix list): the record they use, when it differs. */
  rfc7489?: { at: string; policy?: { tag: 'p' | 'sp'; value: string } };
  /** The lookup that could not be answered, when state is unknown. */
  unknownLookup?: Lookup;
}

/** DMARC records among TXT values: text starting with "v=DMARC1" (receivers ignore the rest). */
export function dmarcTexts(values: readonly string[]): string[] {
  return values.filter((v) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(v));
}

function textsAt(lookup: Lookup): string[] | undefined {
  const a = publishedAnswers(lookup).answers[0]?.answer;
  return a ? dmarcTexts(txtValues(a)).sort() : undefined;
}

/** Whether the domain itself does not exist (np= applies then), from the TXT lookup at it. */
function domainMissing(obs: DmarcObservation): boolean {
  const at = obs.misplaced[0];
  return at ? publishedAnswers(at).answers[0]?.answer.outcome === 'nxdomain' : false;
}

/** Strictness of a policy, for "weaker than planned". */
export function policyRank(value: string | undefined): number {
  return value === 'reject' ? 2 : value === 'quarantine' ? 1 : 0;
}

/** The record and policy a receiver applies to mail from `domain`. */
export function appliedDmarc(obs: DmarcObservation, domain: string): AppliedDmarc {
  const steps = [{ domain, lookup: obs.lookup }, ...(obs.walk ?? [])];
  for (const [i, step] of steps.entries()) {
    const texts = textsAt(step.lookup);
    if (texts === undefined) return { state: 'unknown', unknownLookup: step.lookup };
    if (texts.length === 0) continue;
    const record = parseDmarc(texts[0] ?? '', { orgDomain: i > 0 || steps.length === 1 });
    const base = { at: step.domain, lookup: step.lookup, texts, record };
    if (i === 0) {
      return {
        state: 'own',
        ...base,
        ...(record.policy && { policy: { tag: 'p', value: record.policy } }),
      };
    }
    const np = domainMissing(obs) ? record.nonexistentPolicy : undefined;
    const tag = np ? 'np' : record.subdomainPolicy ? 'sp' : 'p';
    const value = np ?? record.subdomainPolicy ?? record.policy;
    const applied: AppliedDmarc = {
      state: 'inherited',
      ...base,
      ...(value && { policy: { tag, value } }),
    };
    // RFC 7489 receivers ask the organizational domain only, and know no np=.
    const org = obs.orgDomain ?? organizationalDomain(domain);
    if (step.domain !== org || tag === 'np') {
      const orgStep = steps.find((s) => s.domain === org);
      const orgTexts = orgStep ? textsAt(orgStep.lookup) : undefined;
      const orgRecord = orgTexts?.[0] ? parseDmarc(orgTexts[0]) : undefined;
      const v7489 = orgRecord?.subdomainPolicy ?? orgRecord?.policy;
      applied.rfc7489 = {
        at: org,
        ...(v7489 && {
          policy: {
            tag: orgRecord?.subdomainPolicy ? ('sp' as const) : ('p' as const),
            value: v7489,
          },
        }),
      };
    }
    return applied;
  }
  return { state: 'none' };
}
