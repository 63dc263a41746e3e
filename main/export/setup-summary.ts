import { CHECKS } from '../../shared/checks/catalogue';
import type { Finding, Status, StatusSummary } from '../../shared/checks/finding';
import { compareSubjects } from '../../shared/checks/finding-order';
import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { Plan } from '../../shared/model/plan';
import { renderForDnsHost } from '../../shared/providers/dns-host-render';
import { zoneFor } from '../../shared/records/dns-zone';
import { getDnsHost } from '../../shared/providers/dns-hosts';
import type { PlannedRecord, RecordAction, RecordType } from '../../shared/records/planned-record';
import { domainLabel, type DomainLabel } from './domain-label';
import {
  mailClientSettings,
  type MailClientSettings,
} from '../../shared/summary/mail-client-settings';
import { foldAlikeUnknowns } from '../../shared/summary/alike-unknowns';
import { ownerDetail } from '../../shared/summary/owner-words';
import { overallStatus, type OverallStatus } from '../../shared/summary/overall-status';
import { policyLadder, type LadderStep } from '../../shared/summary/policy-ladder';
import { recordCheck } from '../../shared/summary/record-status';
import { STATUS_URGENCY, worstStatus, type ShownStatus } from '../../shared/summary/status-words';

/**
 * The setup summary as data: everything the PDF shows, worked out before any drawing so that
 * it can be tested without reading a PDF. Never holds a private key: the plan has none.
 */

/** A request the user sends to a provider (reverse DNS, port 25 unblock), ready to copy. */
export interface ProviderRequest {
  /** "Set the reverse DNS at Hetzner"... */
  title: string;
  /** One or two sentences before the steps. */
  intro?: string;
  /** What the provider asks for before it agrees (not steps: facts about the account). */
  conditions?: string[];
  /** What to do, in order. */
  steps?: string[];
  /** The text of a support ticket, where one is needed. */
  text?: string;
  /** Other things to know. */
  notes?: string[];
}

/** What the summary is made from. */
export interface SetupSummaryInput {
  plan: Plan;
  /** The records to publish (recordsToPublish: the plan merged with what is published today). */
  records: readonly PlannedRecord[];
  /** The verification run the summary reflects (`check --json`); none = not verified yet. */
  run?: CheckDocument;
  /** When the summary was made (the cover and the next-step dates without a run). */
  generatedAt: Date;
  /** The reverse-DNS (PTR) request for the plan's VPS host. */
  ptrRequest?: ProviderRequest;
  /** The port-25 unblock request, when the VPS host blocks outgoing mail. */
  port25Request?: ProviderRequest;
  /** The VPS host's name as users know it. */
  vpsHostName?: string;
  /** The DNS zone the records are typed into (Name boxes are relative to it); default by the PSL. */
  zone?: string;
  /** For a subdomain plan without a DMARC record of its own: which record applies (a sentence). */
  dmarcApplies?: string;
}

/** One row of the records table. */
export interface RecordRow {
  key: string;
  fullName: DomainLabel;
  /** What to type in the Name box of the DNS host's form ("@", "mail"), or where it is set. */
  formName: string;
  /** The other way to write the name, when the host's convention is not known. */
  formNameAlternative?: string;
  /** The form's own word for the name box ("Name", "Host"). */
  formNameLabel: string;
  /** The form's TTL choice for "the host's default" ("Automatic"), where it has one. */
  formTtl?: string;
  type: RecordType;
  value: string;
  /** What to type in the form's value box when it differs from `value` (trailing dot, quotes). */
  formValue?: string;
  /** The TXT value as the strings of at most 255 characters the host needs. */
  valueStrings?: string[];
  /** The proxy setting mail records need at hosts with a proxy switch ("DNS only"). */
  formProxy?: string;
  /** A line for the host's zone text editor, when its form cannot take the value. */
  zoneLine?: string;
  ttl: number;
  where: PlannedRecord['where'];
  why: string;
  mergeNote?: string;
  /** What to do at the DNS host: add, edit the existing record, delete it, keep it. */
  action: RecordAction;
  /** For "edit": the value published today. */
  oldValue?: string;
  /** Risks to know before publishing. */
  warnings?: string[];
  /** Why the value is not known yet (the value is then a placeholder). */
  incomplete?: string;
  status: ShownStatus;
  /** The status in words when they say more than the status's own (a record to delete). */
  statusWords?: string;
}

/** One finding as the summary lists it. */
export interface FindingItem {
  check: string;
  /** The catalogue's short name of the check. */
  checkTitle: string;
  subject: string;
  status: Status;
  title: string;
  detail: string;
  fix?: string;
  eta?: string;
  /** Other checks that could not run for the same reason, folded into this one. */
  alike?: { checkTitle: string; subject: string; detail: string }[];
}

/** The reverse DNS of one server address. */
export interface PtrRow {
  ip: string;
  /** The name the address should point back to: the mail host. */
  expected: string;
  status: ShownStatus;
  /** The checker's words about it, most urgent first. */
  notes: string[];
}

/** The whole summary. */
export interface SetupSummary {
  domain: DomainLabel;
  mailHost: DomainLabel;
  ipv4: string[];
  ipv6: string[];
  modeText: string;
  /** The DNS host's name; undefined when the plan names none or "other". */
  dnsHostName?: string;
  /** Whether the plan names a DNS host at all ("other" counts as named). */
  dnsHostChosen: boolean;
  vpsHostName?: string;
  generatedAt: Date;
  /** When the verification it reflects started; undefined when there was none. */
  verifiedAt?: Date;
  status: OverallStatus;
  counts?: StatusSummary;
  records: RecordRow[];
  /** For a subdomain plan without a DMARC record of its own: which record applies (a sentence). */
  dmarcApplies?: string;
  /** fail, pending, warn and unknown findings, most urgent first. */
  problems: FindingItem[];
  /** info findings. */
  notes: FindingItem[];
  /** pass findings, listed compactly. */
  passes: FindingItem[];
  reverseDns: PtrRow[];
  ptrRequest?: ProviderRequest;
  port25Request?: ProviderRequest;
  ladder: LadderStep[];
  /** True when the plan's server sends mail itself (it always does in Mailwright's modes). */
  newAddressAdvice: boolean;
  mailClient?: MailClientSettings;
}

const CHECK_TITLES = new Map(CHECKS.map((c) => [c.id, c.title]));
const CHECK_ORDER = new Map(CHECKS.map((c, i) => [c.id, i]));

function item(f: Finding): FindingItem {
  const out: FindingItem = {
    check: f.check,
    checkTitle: CHECK_TITLES.get(f.check) ?? f.check,
    subject: f.subject,
    status: f.status,
    title: f.title,
    detail: ownerDetail(f.detail),
  };
  // The PDF is for a site owner: where the checker's fix gives terminal commands, it also says
  // the same in words; the commands stay in the JSON.
  const fix = f.ownerFix ?? f.fix;
  if (fix !== undefined) out.fix = fix;
  if (f.eta !== undefined) out.eta = f.eta;
  return out;
}

function byUrgencyThenCatalogue(a: Finding, b: Finding): number {
  const u = STATUS_URGENCY.indexOf(a.status) - STATUS_URGENCY.indexOf(b.status);
  if (u !== 0) return u;
  return (
    (CHECK_ORDER.get(a.check) ?? 999) - (CHECK_ORDER.get(b.check) ?? 999) ||
    compareSubjects(a.subject, b.subject)
  );
}

function recordRow(
  record: PlannedRecord,
  plan: Plan,
  zone: string,
  findings: Finding[] | undefined,
): RecordRow {
  const form = renderForDnsHost(record, plan.dnsHost ?? 'other', zone);
  const check = recordCheck(record, findings);
  const row: RecordRow = {
    key: record.key,
    fullName: domainLabel(record.name),
    formName: form.where === 'dns-host' ? form.nameField : 'Set at your VPS host',
    formNameLabel: form.where === 'dns-host' ? form.nameLabel : 'Name',
    type: record.type,
    value: record.value,
    ttl: record.ttl,
    where: record.where,
    why: record.why,
    action: record.action ?? 'add',
    status: check.status,
  };
  if (check.words !== undefined) row.statusWords = check.words;
  if (record.oldValue !== undefined) row.oldValue = record.oldValue;
  if (record.warnings !== undefined && record.warnings.length > 0) row.warnings = record.warnings;
  if (record.incomplete !== undefined) row.incomplete = record.incomplete;
  if (form.where === 'dns-host') {
    if (form.nameField === '') row.formName = '(leave empty)';
    if (form.ttlChoice !== undefined) row.formTtl = form.ttlChoice;
    if (form.nameFieldAlternative !== undefined)
      row.formNameAlternative = form.nameFieldAlternative;
    const typed =
      form.priorityField !== undefined
        ? `${form.valueField} (priority ${form.priorityField})`
        : form.valueField;
    if (typed !== record.value) row.formValue = typed;
    if (form.proxyField !== undefined) row.formProxy = form.proxyField;
    if (form.zoneLine !== undefined) row.zoneLine = form.zoneLine;
    const strings = form.valueStrings;
    if (strings !== undefined && strings.length > 1) row.valueStrings = strings;
  }
  if (record.mergeNote !== undefined) row.mergeNote = record.mergeNote;
  return row;
}

const PTR_CHECKS = ['ptr.present', 'ptr.matches', 'ptr.fcrdns'];

function ptrRow(ip: string, mailHost: string, findings: Finding[] | undefined): PtrRow {
  if (findings === undefined) return { ip, expected: mailHost, status: 'not-checked', notes: [] };
  const mine = findings
    .filter((f) => PTR_CHECKS.includes(f.check) && f.subject === ip)
    .sort(byUrgencyThenCatalogue);
  return {
    ip,
    expected: mailHost,
    status: worstStatus(mine.map((f) => f.status)) ?? 'not-checked',
    notes: mine.filter((f) => f.status !== 'pass').map((f) => f.title),
  };
}

/** Work out everything the summary shows. */
export function buildSetupSummary(input: SetupSummaryInput): SetupSummary {
  const { plan, run } = input;
  const findings = run?.findings;
  const sorted = [...(findings ?? [])].sort(byUrgencyThenCatalogue);
  const verifiedAt = run ? new Date(run.startedAt) : undefined;
  const summary: SetupSummary = {
    domain: domainLabel(plan.domain),
    mailHost: domainLabel(plan.mailHost),
    ipv4: plan.ipv4,
    ipv6: plan.ipv6,
    modeText:
      plan.mode === 'send-only'
        ? 'This server sends mail; the domain receives its mail elsewhere.'
        : 'This server sends and receives the mail of the domain.',
    dnsHostChosen: plan.dnsHost !== undefined,
    generatedAt: input.generatedAt,
    status: overallStatus(run),
    records: input.records.map((r) =>
      recordRow(r, plan, input.zone ?? zoneFor(plan.domain), findings),
    ),
    problems: foldAlikeUnknowns(
      sorted.filter((f) => f.status !== 'pass' && f.status !== 'info'),
    ).map(({ finding, alike }) => {
      const out = item(finding);
      if (alike.length > 0)
        out.alike = alike.map((a) => {
          const more = item(a);
          return { checkTitle: more.checkTitle, subject: more.subject, detail: more.detail };
        });
      return out;
    }),
    notes: sorted.filter((f) => f.status === 'info').map(item),
    passes: sorted.filter((f) => f.status === 'pass').map(item),
    reverseDns: [...plan.ipv4, ...plan.ipv6].map((ip) => ptrRow(ip, plan.mailHost, findings)),
    ladder: policyLadder(
      input.records,
      verifiedAt && !Number.isNaN(verifiedAt.getTime()) ? verifiedAt : input.generatedAt,
    ),
    newAddressAdvice: plan.ipv4.length + plan.ipv6.length > 0,
  };
  if (verifiedAt && !Number.isNaN(verifiedAt.getTime())) summary.verifiedAt = verifiedAt;
  if (run) summary.counts = run.summary;
  if (plan.dnsHost !== undefined && getDnsHost(plan.dnsHost).id !== 'other')
    summary.dnsHostName = getDnsHost(plan.dnsHost).name;
  if (input.vpsHostName !== undefined) summary.vpsHostName = input.vpsHostName;
  if (input.dmarcApplies !== undefined) summary.dmarcApplies = input.dmarcApplies;
  if (input.ptrRequest !== undefined) summary.ptrRequest = input.ptrRequest;
  if (input.port25Request !== undefined) summary.port25Request = input.port25Request;
  const client = mailClientSettings(plan.mailHost, findings);
  if (client !== undefined) summary.mailClient = client;
  return summary;
}
