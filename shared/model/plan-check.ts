import { parse as parseDomain } from 'tldts';
import { spfDomainSpecProblem } from '../records/spf-parse';
import { mailtoOf, parseMailAddress, parseMailtoUri } from '../records/mail-address';
import { DNS_HOST_IDS } from '../providers/dns-hosts';
import { findMailSoftware } from '../providers/mail-software';
import { findSender, SENDER_IDS } from '../providers/senders';
import { VPS_HOST_IDS } from '../providers/vps-hosts';
import { hostnameProblem, toAsciiName } from './domain-input';
import { validateIpInput } from './ip-input';
import { WHY_SUBDOMAIN } from './mail-host-input';
import type { Plan } from './plan';
import { checkPlanDkim } from './plan-check-dkim';
import type { PlanIssue, PlanIssues } from './plan-issues';

/**
 * The meaning step of plan validation: every value of a plan that already has the right form
 * (a plan file after the schema step in plan-validate.ts, or the plan the wizard builds typed
 * from the draft) that a person could get wrong, each with a message that names the field
 * (e.g. `ipv4[0]: "1231233" is not an IPv4 address ...`). Values come back normalised
 * (lowercase ASCII names, canonical addresses); warnings say what is unusual but allowed.
 * Pure and free of the schema library, so the renderer can run it on every keystroke.
 */

export type { PlanIssue } from './plan-issues';

/** The outcome of checkPlanValues and validatePlan. */
export type PlanValidation =
  | { ok: true; plan: Plan; warnings: PlanIssue[] }
  | {
      ok: false;
      /** The first problem's field, for a one-line error. */
      field: string;
      /** The first problem's message. */
      message: string;
      errors: PlanIssue[];
      warnings: PlanIssue[];
    };

/**
 * The most server addresses a plan may list per family. A mail server has one or two; each one
 * becomes an SPF mechanism, an A/AAAA record and a PTR request, and SPF records have a size limit.
 */
export const MAX_ADDRESSES_PER_FAMILY = 32;

function normaliseName(raw: string): string | null {
  const ascii = toAsciiName(raw.trim().replace(/\.$/, ''));
  return ascii;
}

/** Check one report address (rua/ruf) with the shared parser; returns the mailto: URI or an error. */
function reportUri(raw: string): { uri: string; note?: string } | { error: string } {
  const v = raw.trim();
  const example = 'Give one like mailto:dmarc@example.com.';
  if (/^mailto:/i.test(v)) {
    const r = parseMailtoUri(v);
    if (!r.ok) return { error: `${r.message} ${example}` };
    if (r.uri === v || r.uri.toLowerCase() === v.toLowerCase()) return { uri: r.uri };
    return {
      uri: r.uri,
      note: `We wrote it as "${r.uri}"${r.domain !== r.unicodeDomain ? ': DNS records carry international domain names in this ASCII form' : ''}.`,
    };
  }
  if (v.includes('@')) {
    const a = parseMailAddress(v);
    if (!a.ok) return { error: `${a.message} ${example}` };
    const uri = mailtoOf(a.local, a.domain);
    return { uri, note: `We wrote it as "${uri}", the form DMARC needs.` };
  }
  return { error: `"${v}" is not a report address. ${example}` };
}

/** A copy of the parts of a plan that checking normalises, so the caller's plan is never changed. */
function copyForNormalising(plan: Plan): Plan {
  return {
    ...plan,
    ipv4: [...plan.ipv4],
    ipv6: [...plan.ipv6],
    senders: [...plan.senders],
    ...(plan.dkim
      ? {
          dkim: {
            ...plan.dkim,
            ...(plan.dkim.additional
              ? { additional: plan.dkim.additional.map((a) => ({ ...a })) }
              : {}),
          },
        }
      : {}),
    ...(plan.dmarc ? { dmarc: { ...plan.dmarc } } : {}),
  };
}

/** The domain: a registrable name, not an IP address or a public ending. Returns the normalised name (null when it has none). */
function checkDomain(plan: Plan, issues: PlanIssues): string | null {
  const domain = normaliseName(plan.domain);
  const domainProblem =
    domain === null ? 'cannot be turned into a domain name' : hostnameProblem(domain);
  if (domain === null || domainProblem) {
    issues.errors.push({
      field: 'domain',
      message: `"${plan.domain}" ${domainProblem ?? 'is not a domain name'}.`,
    });
    return domain;
  }
  const info = parseDomain(domain);
  if (info.isIp)
    issues.errors.push({
      field: 'domain',
      message: `"${plan.domain}" is an IP address; the domain is a name like example.com.`,
    });
  else if (info.publicSuffix === domain) {
    issues.errors.push({
      field: 'domain',
      message: `"${plan.domain}" is a public ending (like .com or .co.uk), not a domain you can own.`,
    });
  }
  plan.domain = domain;
  return domain;
}

/** The mail host: a host name; said when it is the domain itself or outside it. */
function checkMailHost(plan: Plan, domain: string | null, issues: PlanIssues): void {
  const mailHost = normaliseName(plan.mailHost);
  const hostProblem =
    mailHost === null ? 'cannot be turned into a host name' : hostnameProblem(mailHost);
  if (mailHost === null || hostProblem) {
    issues.errors.push({
      field: 'mailHost',
      message: `"${plan.mailHost}" ${hostProblem ?? 'is not a host name'}.`,
    });
    return;
  }
  plan.mailHost = mailHost;
  if (domain && mailHost === domain) {
    issues.warnings.push({
      field: 'mailHost',
      message: `The mail host is the domain itself. That works, but ${WHY_SUBDOMAIN.charAt(0).toLowerCase()}${WHY_SUBDOMAIN.slice(1)}`,
    });
  } else if (domain && !mailHost.endsWith(`.${domain}`)) {
    issues.warnings.push({
      field: 'mailHost',
      message: `${mailHost} is not inside ${domain}, so its address (A) record is set in the DNS of ${mailHost.split('.').slice(1).join('.')}, not ${domain}.`,
    });
  }
}

/** One family's addresses: at most MAX_ADDRESSES_PER_FAMILY, each valid, duplicates kept once. */
function checkAddressFamily(plan: Plan, family: 'ipv4' | 'ipv6', issues: PlanIssues): void {
  if (plan[family].length > MAX_ADDRESSES_PER_FAMILY) {
    // Refused before any address is parsed, so a huge list costs nothing.
    issues.errors.push({
      field: family,
      message: `lists ${plan[family].length} addresses; a plan takes at most ${MAX_ADDRESSES_PER_FAMILY} per family (a mail server usually has one). Keep only the addresses your mail server sends from.`,
    });
    plan[family] = [];
    return;
  }
  const seen = new Set<string>();
  const out: string[] = [];
  plan[family].forEach((raw, i) => {
    const r = validateIpInput(raw, family);
    if (!r.ok) {
      issues.errors.push({ field: `${family}[${i}]`, message: r.message });
      return;
    }
    if (r.message) issues.warnings.push({ field: `${family}[${i}]`, message: r.message });
    if (seen.has(r.value)) {
      issues.warnings.push({
        field: `${family}[${i}]`,
        message: `${r.value} is listed twice; we kept it once.`,
      });
      return;
    }
    seen.add(r.value);
    out.push(r.value);
  });
  plan[family] = out;
}

/** The server addresses: both families, and at least one address given. */
function checkAddresses(plan: Plan, issues: PlanIssues): void {
  const hadAddresses = plan.ipv4.length + plan.ipv6.length > 0;
  checkAddressFamily(plan, 'ipv4', issues);
  checkAddressFamily(plan, 'ipv6', issues);
  if (!hadAddresses) {
    issues.errors.push({
      field: 'ipv4',
      message:
        "Give at least one server address (ipv4 or ipv6): your server's public address is shown in your VPS host's control panel.",
    });
  }
}

/** The senders: known ids; "other" with an include; an include that is a valid SPF domain. */
function checkSenders(plan: Plan, issues: PlanIssues): void {
  plan.senders.forEach((s, i) => {
    const id = typeof s === 'string' ? s : s.id;
    const include = typeof s === 'string' ? undefined : s.include;
    if (!findSender(id)) {
      issues.errors.push({
        field: `senders[${i}]`,
        message: `"${id}" is not a sender we know. Use one of ${SENDER_IDS.join(', ')} (with "include" for "other").`,
      });
      return;
    }
    if (id === 'other' && !include) {
      issues.errors.push({
        field: `senders[${i}].include`,
        message:
          'For "other", give the SPF include your service documents, e.g. {"id": "other", "include": "spf.example-mailer.com"}.',
      });
      return;
    }
    if (include !== undefined) {
      const spec = include.replace(/^include:/i, '').trim();
      const problem = spfDomainSpecProblem(spec);
      if (problem)
        issues.errors.push({ field: `senders[${i}].include`, message: `"${include}" ${problem}.` });
    }
  });
}

/** The DMARC report addresses (rua, ruf): each a mailto: URI, written in the form DMARC needs. */
function checkDmarcReports(plan: Plan, issues: PlanIssues): void {
  if (!plan.dmarc) return;
  for (const tag of ['rua', 'ruf'] as const) {
    const value = plan.dmarc[tag];
    if (value === undefined) continue;
    const uris: string[] = [];
    for (const part of value.split(',')) {
      const r = reportUri(part);
      if ('error' in r) issues.errors.push({ field: `dmarc.${tag}`, message: r.error });
      else {
        uris.push(r.uri);
        if (r.note) issues.warnings.push({ field: `dmarc.${tag}`, message: r.note });
      }
    }
    plan.dmarc[tag] = uris.join(',');
  }
}

/** Catalogue ids: unknown ones are kept (a newer app may know them) but said. */
function checkCatalogueIds(plan: Plan, issues: PlanIssues): void {
  if (plan.mailSoftware !== undefined && !findMailSoftware(plan.mailSoftware)) {
    issues.warnings.push({
      field: 'mailSoftware',
      message: `"${plan.mailSoftware}" is not mail software we know; we use general advice.`,
    });
  }
  if (plan.dnsHost !== undefined && !(DNS_HOST_IDS as readonly string[]).includes(plan.dnsHost)) {
    issues.warnings.push({
      field: 'dnsHost',
      message: `"${plan.dnsHost}" is not a DNS host we know; we use general instructions.`,
    });
  }
  if (plan.vpsHost !== undefined && !(VPS_HOST_IDS as readonly string[]).includes(plan.vpsHost)) {
    issues.warnings.push({
      field: 'vpsHost',
      message: `"${plan.vpsHost}" is not a VPS host we know; we use general instructions.`,
    });
  }
}

/** Check and normalise the values of a plan that has the right form (see the file comment). */
export function checkPlanValues(input: Plan): PlanValidation {
  const issues: PlanIssues = { errors: [], warnings: [] };
  const plan = copyForNormalising(input);
  const domain = checkDomain(plan, issues);
  checkMailHost(plan, domain, issues);
  checkAddresses(plan, issues);
  checkSenders(plan, issues);
  checkPlanDkim(plan, issues);
  checkDmarcReports(plan, issues);
  checkCatalogueIds(plan, issues);
  const { errors, warnings } = issues;
  const first = errors[0];
  if (!first) return { ok: true, plan, warnings };
  return { ok: false, field: first.field, message: first.message, errors, warnings };
}
