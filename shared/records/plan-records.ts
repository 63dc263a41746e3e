import type { CheckId } from '../checks/catalogue';
import type { Plan } from '../model/plan';
import { defaultSelectorFor } from '../providers/mail-software';
import { senderInclude } from '../providers/senders';
import { buildDmarc } from './dmarc-build';
import type { PlannedRecord } from './planned-record';
import { reverseName } from './reverse-name';
import { buildSpf, spfAllTerm } from './spf-build';
import { splitTxt } from './txt-split';

/**
 * The planner: from the plan (and the records already published, when known) to the list of
 * records to publish, in the order to create them. Pure. The address records come first
 * because everything else points at the mail host, and some VPS hosts (Linode, OVH, Azure)
 * refuse a PTR until the name resolves; the PTR requests come last.
 */

/**
 * One hour. The TTL most DNS hosts default to: a mistake is corrected everywhere within the
 * hour, and resolvers still cache long enough that lookups stay fast. A shorter TTL would not
 * speed up the first publication (new names are not cached yet, only "does not exist" is,
 * for the SOA's negative TTL), and a longer one would slow every later fix.
 */
export const DEFAULT_TTL = 3600;

/** Records already published, when a DNS check has read them. */
export interface ExistingRecords {
  /** The joined text of each v=spf1 TXT record at the domain. */
  spf?: string[];
  /** The joined text of each TXT record at _dmarc.<domain>. */
  dmarc?: string[];
  /** The domain's MX records. */
  mx?: { preference: number; exchange: string }[];
  /** The joined text of each v=spf1 TXT record at the mail host. */
  mailHostSpf?: string[];
}

/** The records and what to tell the user beside them. */
export interface PlanOverview {
  records: PlannedRecord[];
  /** Plain sentences about the plan as a whole (e.g. where mail is received in send-only mode). */
  notes: string[];
}

const SPF_CHECKS: CheckId[] = [
  'spf.present',
  'spf.single',
  'spf.syntax',
  'spf.authorizes',
  'spf.lookups',
  'spf.all',
  'spf.senders',
];
const DKIM_CHECKS: CheckId[] = [
  'dkim.present',
  'dkim.syntax',
  'dkim.key-strength',
  'dkim.matches',
  'dkim.testing',
];
const DMARC_CHECKS: CheckId[] = [
  'dmarc.present',
  'dmarc.single',
  'dmarc.syntax',
  'dmarc.policy',
  'dmarc.reports',
];

function txt(record: Omit<PlannedRecord, 'type' | 'txtStrings'>): PlannedRecord {
  return { ...record, type: 'TXT', txtStrings: splitTxt(record.value) };
}

function stripDot(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function addressRecords(plan: Plan): PlannedRecord[] {
  const apex = plan.mailHost === plan.domain;
  const apexWarning = apex
    ? [
        `This sets the address of ${plan.domain} itself. If your website runs on another server, this would move it: use a mail host such as mail.${plan.domain} instead.`,
      ]
    : undefined;
  const one = (ip: string, type: 'A' | 'AAAA'): PlannedRecord => ({
    key: `${type === 'A' ? 'a' : 'aaaa'}:${ip}`,
    name: plan.mailHost,
    type,
    value: ip,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Other mail servers find your server's ${type === 'A' ? 'IPv4' : 'IPv6'} address through this name.`,
    more: "Your MX record, your reverse DNS (PTR) and your SPF record for HELO all point at this name, so it must resolve to the server. If your DNS host offers a proxy (like Cloudflare's orange cloud), turn it off for this name: mail cannot pass through a web proxy.",
    checks:
      type === 'A' ? ['host.a', 'host.not-cname', 'host.proxied'] : ['host.aaaa', 'host.not-cname'],
    ...(apexWarning ? { warnings: apexWarning } : {}),
  });
  return [...plan.ipv4.map((ip) => one(ip, 'A')), ...plan.ipv6.map((ip) => one(ip, 'AAAA'))];
}

function mxRecord(
  plan: Plan,
  existing: ExistingRecords,
  notes: string[],
): PlannedRecord | undefined {
  const others = (existing.mx ?? []).filter((m) => stripDot(m.exchange) !== plan.mailHost);
  const ours = (existing.mx ?? []).some((m) => stripDot(m.exchange) === plan.mailHost);
  const elsewhere = [...new Set(others.map((m) => stripDot(m.exchange)))];
  if (plan.mode === 'send-only') {
    notes.push(
      elsewhere.length
        ? `Your domain's mail is received by ${elsewhere.join(', ')}, and stays there: this server only sends, so we leave your MX records alone. Changing them would send new incoming mail to another server.`
        : `This server only sends, and your domain has no MX record, so no one can reply to your mail. Add MX records for the service that should receive it (or choose "send and receive").`,
    );
    return undefined;
  }
  const record: PlannedRecord = {
    key: 'mx',
    name: plan.domain,
    type: 'MX',
    value: `10 ${plan.mailHost}`,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Tells other mail servers to deliver mail for @${plan.domain} to ${plan.mailHost}.`,
    more: 'The number (10) is the priority: lower is tried first. One MX record is enough for a single server.',
    checks: ['mx.present', 'mx.target'],
  };
  if (ours && elsewhere.length === 0) {
    return {
      ...record,
      action: 'keep',
      mergeNote: 'Your MX record already points at this server; keep it.',
    };
  }
  if (elsewhere.length) {
    return {
      ...record,
      action: 'replace',
      replaces: others.map((m) => `${m.preference} ${stripDot(m.exchange)}`),
      mergeNote: `Your domain's mail now goes to ${elsewhere.join(', ')}. Publishing this MX and deleting those records makes new mail arrive at this server instead, and it stops arriving there. Move the mailboxes first; if you want to keep receiving there, choose "send only".`,
      warnings: [
        'Changing MX records decides where your incoming mail goes. Do it only when this server is ready to receive.',
      ],
    };
  }
  return record;
}

function spfRecord(plan: Plan, existing: ExistingRecords): PlannedRecord {
  const includes = plan.senders.map(senderInclude).filter((i): i is string => i !== undefined);
  const built = buildSpf(
    { ipv4: plan.ipv4, ipv6: plan.ipv6, includes, all: plan.spf?.all ?? 'softfail' },
    existing.spf ?? [],
  );
  const ending = built.parsed.all?.qualifier;
  const nextStep =
    ending === '~'
      ? {
          value: built.value.replace(/(^| )~all( |$)/, '$1-all$2'),
          when: 'Once your DMARC reports show all your real mail passing SPF (usually after 2–4 weeks), change "~all" to "-all" so receivers reject mail from servers not listed.',
        }
      : undefined;
  const olds = (existing.spf ?? []).filter((t) => /^v=spf1( |$)/i.test(t));
  const action =
    olds.length === 0
      ? 'create'
      : olds.length > 1
        ? 'replace'
        : olds[0] === built.value
          ? 'keep'
          : 'update';
  return txt({
    key: 'spf',
    name: plan.domain,
    value: built.value,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Lists the servers allowed to send mail as @${plan.domain}, so receivers can spot forgeries.`,
    more: `It names your server${includes.length ? ' and the services that also send for you' : ''}. "${spfAllTerm('softfail')}" asks receivers to treat other senders as suspicious; "-all" asks them to reject. A domain must have exactly one SPF record.`,
    checks: SPF_CHECKS,
    action,
    ...(olds.length ? { replaces: olds } : {}),
    ...(built.notes.length ? { mergeNote: built.notes.join(' ') } : {}),
    ...(built.warnings.length ? { warnings: built.warnings } : {}),
    ...(nextStep ? { nextStep } : {}),
  });
}

function heloSpfRecord(plan: Plan, existing: ExistingRecords): PlannedRecord | undefined {
  if (plan.mailHost === plan.domain) return undefined;
  const value = 'v=spf1 a -all';
  const olds = (existing.mailHostSpf ?? []).filter((t) => /^v=spf1( |$)/i.test(t));
  const same = olds.length === 1 && olds[0]?.toLowerCase() === value;
  return txt({
    key: 'spf-helo',
    name: plan.mailHost,
    value,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Your server introduces itself as ${plan.mailHost}; this says only that name's own address may use it.`,
    more: 'Receivers check SPF for the name in the server\'s greeting (HELO) too, especially for bounces, which have no sender address. "a" means the addresses of this same name.',
    checks: ['spf.helo'],
    action: olds.length === 0 ? 'create' : same ? 'keep' : 'replace',
    ...(olds.length && !same
      ? { replaces: olds, mergeNote: 'This replaces the SPF record the mail host has today.' }
      : {}),
  });
}

function dkimRecords(plan: Plan): PlannedRecord[] {
  const selector = plan.dkim?.selector ?? defaultSelectorFor(plan.mailSoftware);
  const base = {
    ttl: DEFAULT_TTL,
    where: 'dns-host' as const,
    why: 'Publishes the public key receivers use to check the signature your server puts on each message.',
    more: 'The private key stays on your server and signs mail; this public half lets anyone verify the signature. The name before "._domainkey" (the selector) must match your mail software\'s setting.',
    checks: DKIM_CHECKS,
  };
  const key = plan.dkim?.publicKey;
  const keyType = plan.dkim?.keyType ?? 'rsa';
  const out: PlannedRecord[] = [
    key
      ? txt({
          ...base,
          key: `dkim:${selector}`,
          name: `${selector}._domainkey.${plan.domain}`,
          value: `v=DKIM1; k=${keyType}; p=${key}`,
        })
      : txt({
          ...base,
          key: `dkim:${selector}`,
          name: `${selector}._domainkey.${plan.domain}`,
          value: 'v=DKIM1; k=rsa; p=<your public key>',
          incomplete:
            'The DKIM key is not known yet: paste the record your mail software shows, or let Mailwright generate a key.',
        }),
  ];
  for (const extra of plan.dkim?.additional ?? []) {
    out.push(
      txt({
        ...base,
        key: `dkim:${extra.selector}`,
        name: `${extra.selector}._domainkey.${plan.domain}`,
        value: `v=DKIM1; k=${extra.keyType}; p=${extra.publicKey}`,
        ...(extra.keyType === 'ed25519'
          ? {
              more: `${base.more} This Ed25519 key is published beside the RSA key: receivers that know Ed25519 check both, the others use the RSA key.`,
            }
          : {}),
      }),
    );
  }
  return out;
}

function dmarcRecord(plan: Plan, existing: ExistingRecords): PlannedRecord {
  const built = buildDmarc(
    {
      domain: plan.domain,
      policy: plan.dmarc?.policy ?? 'none',
      ...(plan.dmarc?.rua ? { rua: plan.dmarc.rua } : {}),
      ...(plan.dmarc?.ruf ? { ruf: plan.dmarc.ruf } : {}),
    },
    existing.dmarc ?? [],
  );
  const action = built.kept ? 'keep' : built.replaces.length ? 'replace' : 'create';
  return txt({
    key: 'dmarc',
    name: `_dmarc.${plan.domain}`,
    value: built.value,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: 'Tells receivers what to do with mail that fails SPF and DKIM, and where to send reports about it.',
    more: 'p=none only collects reports; quarantine sends failing mail to spam; reject refuses it. Start with none, read the reports, then tighten.',
    checks: DMARC_CHECKS,
    action,
    ...(built.replaces.length ? { replaces: built.replaces } : {}),
    ...(built.notes.length ? { mergeNote: built.notes.join(' ') } : {}),
    ...(built.warnings.length ? { warnings: built.warnings } : {}),
    ...(built.nextStep ? { nextStep: built.nextStep } : {}),
  });
}

function ptrRecords(plan: Plan): PlannedRecord[] {
  return [...plan.ipv4, ...plan.ipv6].map((ip) => ({
    key: `ptr:${ip}`,
    name: reverseName(ip),
    type: 'PTR' as const,
    value: plan.mailHost,
    ttl: DEFAULT_TTL,
    where: 'vps-host' as const,
    why: `Reverse DNS: lets receivers look up ${ip} and find ${plan.mailHost}; many refuse mail from addresses without it.`,
    more: 'Only the owner of the address (your VPS host) can set this record, in its control panel or by a support request. It must name exactly your mail host, and that name must resolve back to the address.',
    checks: ['ptr.present', 'ptr.matches', 'ptr.fcrdns'],
  }));
}

/** The records to publish and the notes about the plan as a whole. */
export function planOverview(plan: Plan, existing: ExistingRecords = {}): PlanOverview {
  const notes: string[] = [];
  const records: PlannedRecord[] = [...addressRecords(plan)];
  const mx = mxRecord(plan, existing, notes);
  if (mx) records.push(mx);
  records.push(spfRecord(plan, existing));
  const helo = heloSpfRecord(plan, existing);
  if (helo) records.push(helo);
  records.push(...dkimRecords(plan), dmarcRecord(plan, existing), ...ptrRecords(plan));
  return { records, notes };
}

/** The records to publish, in the order to create them. */
export function planRecords(plan: Plan, existing: ExistingRecords = {}): PlannedRecord[] {
  return planOverview(plan, existing).records;
}
