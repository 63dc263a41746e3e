import { getDomain } from 'tldts';
import { parseDmarc, type DmarcPolicyValue, type DmarcRecord } from './dmarc-parse';
import { missingReportUris, withReportUris } from './dmarc-rua-merge';

/**
 * Build the domain's DMARC record, or keep the one already published. The ladder: start at
 * p=none with reports, then quarantine, then reject, each step once the reports show the
 * domain's own mail passing (the seeds' advice: "start with p=none, then move to stricter").
 */

/** How long to watch reports before each step, in words the UI shows. */
export const LADDER_WAIT = '2–4 weeks';

/** What the planner asks for. */
export interface DmarcWants {
  domain: string;
  policy: DmarcPolicyValue;
  /** mailto: URIs, comma-separated as in the record. */
  rua?: string;
  ruf?: string;
}

/** The record and what to say about it. */
export interface DmarcBuild {
  value: string;
  parsed: DmarcRecord;
  /** The existing record was kept unchanged. */
  kept: boolean;
  /** Existing records this one replaces (broken or duplicate). */
  replaces: string[];
  notes: string[];
  warnings: string[];
  /** The next, stricter record and when to publish it; absent at p=reject. */
  nextStep?: { value: string; when: string };
}

/** The next rung of the ladder for a DMARC record text. */
export function dmarcNextStep(text: string): { value: string; when: string } | undefined {
  const parsed = parseDmarc(text);
  if (!parsed.isDmarc || !parsed.policy) return undefined;
  const replaceP = (p: string) => text.replace(/(^|;)(\s*)p\s*=\s*[a-z]+/i, `$1$2p=${p}`);
  if (parsed.policy === 'none') {
    return {
      value: replaceP('quarantine'),
      when: `Once your DMARC reports show your own mail passing SPF or DKIM (usually after ${LADDER_WAIT}), change p=none to p=quarantine: mail that fails then goes to spam.`,
    };
  }
  if (parsed.policy === 'quarantine') {
    return {
      value: replaceP('reject'),
      when: `After another ${LADDER_WAIT} of clean reports at p=quarantine, change it to p=reject: receivers then refuse mail that fails.`,
    };
  }
  return undefined;
}

/** Domains that receive reports but are not the domain itself (they must authorise it). */
export function externalReportDomains(domain: string, record: DmarcRecord): string[] {
  const org = getDomain(domain) ?? domain;
  const out = new Set<string>();
  for (const u of [...record.rua, ...record.ruf]) {
    if (!u.domain) continue;
    if ((getDomain(u.domain) ?? u.domain) !== org) out.add(u.domain);
  }
  return [...out];
}

/** Build the DMARC record, keeping a valid existing one. */
export function buildDmarc(wants: DmarcWants, existing: readonly string[] = []): DmarcBuild {
  const notes: string[] = [];
  const warnings: string[] = [];
  const olds = existing.map((t) => parseDmarc(t)).filter((r) => r.isDmarc);
  const firstValid = olds.find((r) => r.valid);

  if (olds.length === 1 && firstValid) {
    const missing = missingReportUris(firstValid, wants.rua);
    if (missing.length > 0) return withPlannedReports(wants, firstValid, missing);
    notes.push(
      `You already publish a DMARC record; we keep it as it is, so nothing changes for the reports you receive today.`,
    );
    for (const p of firstValid.problems) if (p.level === 'warning') warnings.push(p.message);
    const ext = externalReportDomains(wants.domain, firstValid);
    if (ext.length) {
      notes.push(
        `Reports go to ${ext.join(', ')}, another domain; it must publish "${wants.domain}._report._dmarc.<that domain>" to accept them (report services do this for you).`,
      );
    }
    const next = dmarcNextStep(firstValid.text);
    return {
      value: firstValid.text,
      parsed: firstValid,
      kept: true,
      replaces: [],
      notes,
      warnings,
      ...(next ? { nextStep: next } : {}),
    };
  }

  const parts = ['v=DMARC1', `p=${wants.policy}`];
  const rua = wants.rua ?? `mailto:postmaster@${wants.domain}`;
  if (!wants.rua) {
    notes.push(
      `Daily reports go to postmaster@${wants.domain}. Make sure that mailbox exists, or choose another address: the reports tell you when it is safe to tighten the policy.`,
    );
  }
  parts.push(`rua=${rua}`);
  if (wants.ruf) parts.push(`ruf=${wants.ruf}`);
  const value = parts.join('; ');
  const parsed = parseDmarc(value);

  const replaces = olds.map((r) => r.text);
  if (olds.length > 1) {
    notes.push(
      `Your domain has ${olds.length} DMARC records; receivers ignore DMARC when there is more than one. Replace them with this one.`,
    );
  } else if (olds.length === 1) {
    const problem = olds[0]?.problems.find((p) => p.level === 'error');
    notes.push(
      `Your current DMARC record has a problem (${problem?.message ?? 'it is not valid'}). Replace it with this one.`,
    );
  }
  const ext = externalReportDomains(wants.domain, parsed);
  if (ext.length) {
    notes.push(
      `Reports go to ${ext.join(', ')}, another domain; it must publish "${wants.domain}._report._dmarc.<that domain>" to accept them (report services do this for you).`,
    );
  }
  const next = dmarcNextStep(value);
  return {
    value,
    parsed,
    kept: false,
    replaces,
    notes,
    warnings,
    ...(next ? { nextStep: next } : {}),
  };
}

/**
 * The record published today with the plan's report addresses added: its policy and every other
 * tag stay, so only where reports go changes (an edit of the existing record, never a second one).
 */
function withPlannedReports(
  wants: DmarcWants,
  today: DmarcRecord,
  missing: readonly string[],
): DmarcBuild {
  const value = withReportUris(today.text, missing);
  const parsed = parseDmarc(value);
  const notes = [
    `You already publish a DMARC record; we keep its policy and add ${missing.map((u) => u.replace(/^mailto:/i, '')).join(', ')} to where its reports go, so they reach the address you chose as well as today's.`,
  ];
  const ext = externalReportDomains(wants.domain, parsed);
  if (ext.length) {
    notes.push(
      `Reports go to ${ext.join(', ')}, another domain; it must publish "${wants.domain}._report._dmarc.<that domain>" to accept them (report services do this for you).`,
    );
  }
  const warnings = parsed.problems.filter((p) => p.level === 'warning').map((p) => p.message);
  const next = dmarcNextStep(value);
  return {
    value,
    parsed,
    kept: false,
    replaces: [today.text],
    notes,
    warnings,
    ...(next ? { nextStep: next } : {}),
  };
}
