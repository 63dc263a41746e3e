import type { StepId } from '../model/steps';

/**
 * The check catalogue of docs/CHECKS.md. The ids are an API: the UI, the PDF, the CLI and the tests
 * key on them, so they are never renamed or reused (add new ones at will).
 */

/** The groups checks are shown under, in the order the CLI and the UI list them. */
export const CHECK_GROUPS = [
  { id: 'domain', title: 'Domain and nameservers' },
  { id: 'host', title: 'Mail host' },
  { id: 'mx', title: 'Incoming mail (MX)' },
  { id: 'ptr', title: 'Reverse DNS (PTR)' },
  { id: 'spf', title: 'SPF: who may send for the domain' },
  { id: 'dkim', title: 'DKIM: the signing key' },
  { id: 'dmarc', title: 'DMARC: the policy' },
  { id: 'dnsbl', title: 'Block lists' },
  { id: 'smtp', title: 'Mail server connection (SMTP)' },
  { id: 'propagation', title: 'Visible everywhere' },
] as const;

/** One group id. */
export type CheckGroup = (typeof CHECK_GROUPS)[number]['id'];

/** What the catalogue knows about one check (the shape every entry of CHECKS satisfies). */
interface CheckEntry {
  id: string;
  group: CheckGroup;
  /** A short plain name, e.g. "One SPF record". */
  title: string;
  /** The wizard step where the user fixes what this check finds. */
  step: StepId;
}

/** Every check, in display order. */
export const CHECKS = [
  {
    id: 'domain.valid',
    group: 'domain',
    title: 'The domain is a valid name you can own',
    step: 'domain',
  },
  {
    id: 'domain.delegated',
    group: 'domain',
    title: 'The domain has nameservers that answer',
    step: 'dns-host',
  },
  {
    id: 'domain.nameservers',
    group: 'domain',
    title: 'Every nameserver answers and they agree',
    step: 'dns-host',
  },
  { id: 'dnshost.detected', group: 'domain', title: 'Your DNS host', step: 'dns-host' },

  { id: 'host.public-ip', group: 'host', title: 'The server address is public', step: 'server' },
  {
    id: 'host.a',
    group: 'host',
    title: 'The mail host points at the server (IPv4)',
    step: 'records',
  },
  {
    id: 'host.aaaa',
    group: 'host',
    title: 'The mail host points at the server (IPv6)',
    step: 'records',
  },
  {
    id: 'host.not-cname',
    group: 'host',
    title: 'The mail host is not an alias (CNAME)',
    step: 'records',
  },
  {
    id: 'host.proxied',
    group: 'host',
    title: 'The mail host is not behind a web proxy',
    step: 'records',
  },
  {
    id: 'host.doubled-name',
    group: 'host',
    title: 'No record with the domain typed twice',
    step: 'records',
  },

  {
    id: 'mx.present',
    group: 'mx',
    title: 'The domain says where its mail goes (MX)',
    step: 'records',
  },
  { id: 'mx.target', group: 'mx', title: 'The MX points at the mail host', step: 'records' },

  {
    id: 'ptr.present',
    group: 'ptr',
    title: 'The server address has a reverse name',
    step: 'reverse-dns',
  },
  {
    id: 'ptr.matches',
    group: 'ptr',
    title: 'The reverse name is the mail host',
    step: 'reverse-dns',
  },
  {
    id: 'ptr.fcrdns',
    group: 'ptr',
    title: 'The reverse name leads back to the address',
    step: 'reverse-dns',
  },

  { id: 'spf.present', group: 'spf', title: 'The domain has an SPF record', step: 'records' },
  { id: 'spf.single', group: 'spf', title: 'Exactly one SPF record', step: 'records' },
  { id: 'spf.syntax', group: 'spf', title: 'The SPF record is written correctly', step: 'records' },
  { id: 'spf.authorizes', group: 'spf', title: 'SPF allows the server to send', step: 'records' },
  { id: 'spf.lookups', group: 'spf', title: 'SPF stays within the lookup limits', step: 'records' },
  { id: 'spf.all', group: 'spf', title: 'SPF ends by refusing other senders', step: 'records' },
  {
    id: 'spf.senders',
    group: 'spf',
    title: 'SPF includes your other sending services',
    step: 'records',
  },
  { id: 'spf.helo', group: 'spf', title: 'The mail host has its own SPF record', step: 'records' },

  { id: 'dkim.present', group: 'dkim', title: 'The DKIM key is published', step: 'dkim' },
  { id: 'dkim.syntax', group: 'dkim', title: 'The DKIM record is written correctly', step: 'dkim' },
  { id: 'dkim.key-strength', group: 'dkim', title: 'The DKIM key is strong enough', step: 'dkim' },
  { id: 'dkim.matches', group: 'dkim', title: 'The published key is your key', step: 'dkim' },
  { id: 'dkim.testing', group: 'dkim', title: 'DKIM is not in testing mode', step: 'dkim' },

  { id: 'dmarc.present', group: 'dmarc', title: 'The domain has a DMARC record', step: 'records' },
  { id: 'dmarc.single', group: 'dmarc', title: 'Exactly one DMARC record', step: 'records' },
  {
    id: 'dmarc.syntax',
    group: 'dmarc',
    title: 'The DMARC record is written correctly',
    step: 'records',
  },
  { id: 'dmarc.policy', group: 'dmarc', title: 'DMARC asks receivers to act', step: 'records' },
  { id: 'dmarc.reports', group: 'dmarc', title: 'DMARC reports can be delivered', step: 'records' },
  {
    id: 'dmarc.misplaced',
    group: 'dmarc',
    title: 'No DMARC record at a wrong name',
    step: 'records',
  },

  {
    id: 'dnsbl.ip',
    group: 'dnsbl',
    title: 'The server address is not on block lists',
    step: 'verify',
  },
  { id: 'dnsbl.domain', group: 'dnsbl', title: 'The domain is not on block lists', step: 'verify' },

  {
    id: 'smtp.network',
    group: 'smtp',
    title: 'This computer can reach mail servers',
    step: 'verify',
  },
  {
    id: 'smtp.reachable',
    group: 'smtp',
    title: 'The mail server accepts connections',
    step: 'verify',
  },
  {
    id: 'smtp.banner',
    group: 'smtp',
    title: 'The mail server greets with its name',
    step: 'verify',
  },
  { id: 'smtp.ehlo', group: 'smtp', title: 'The mail server accepts EHLO', step: 'verify' },
  {
    id: 'smtp.starttls',
    group: 'smtp',
    title: 'The mail server offers encryption',
    step: 'verify',
  },
  {
    id: 'smtp.certificate',
    group: 'smtp',
    title: 'The certificate is valid for the mail host',
    step: 'verify',
  },
  { id: 'submission.ports', group: 'smtp', title: 'Ports for mail apps', step: 'verify' },

  {
    id: 'propagation',
    group: 'propagation',
    title: 'Every record is visible everywhere',
    step: 'verify',
  },
] as const satisfies readonly CheckEntry[];

/**
 * One check id of the catalogue. Findings, planned records and the UI use this type, so an id
 * that is not in the catalogue (a typo, a renamed id) does not compile.
 */
export type CheckId = (typeof CHECKS)[number]['id'];

/** What the catalogue knows about one check. */
export interface CheckInfo extends CheckEntry {
  id: CheckId;
}

/** Every check id, in display order (for schemas). */
export const CHECK_IDS = CHECKS.map((c) => c.id) as [CheckId, ...CheckId[]];

const BY_ID = new Map<string, CheckInfo>(CHECKS.map((c) => [c.id, c]));

/** The catalogue entry of a check id, or undefined for an id the catalogue does not know. */
export function checkInfo(id: string): CheckInfo | undefined {
  return BY_ID.get(id);
}

/** The ids of one group's checks, in display order. */
export function checksOfGroup(group: CheckGroup): CheckId[] {
  return CHECKS.filter((c) => c.group === group).map((c) => c.id);
}

/** Where a check sits in display order (unknown ids go last), for sorting findings. */
export function checkOrder(id: string): number {
  const i = CHECKS.findIndex((c) => c.id === id);
  return i < 0 ? CHECKS.length : i;
}
