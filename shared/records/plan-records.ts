import type { CheckId } from '../checks/catalogue';
import { shownName } from '../model/shown-name';
import type { Plan } from '../model/plan';
import { defaultSelectorFor } from '../providers/mail-software';
import { senderInclude } from '../providers/senders';
import { dmarcTexts } from '../checks/dmarc-applied';
import { buildDmarc } from './dmarc-build';
import { dmarcCoverage, type DmarcCoverage, type InheritedDmarc } from './dmarc-coverage';
import { zoneFor } from './dns-zone';
import type { PlannedRecord } from './planned-record';
import { againstToday, deleteRecord } from './record-actions';
import { reverseName } from './reverse-name';
import { secureRecords } from './secure-records';
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
  /** The A and AAAA addresses the mail host name has today (the website's, at the apex). */
  mailHostAddresses?: string[];
  /**
   * For a subdomain without a DMARC record of its own: the first record up the tree, which
   * receivers apply to it instead (dmarc-coverage.ts). Absent when not looked for or none.
   */
  dmarcInherited?: InheritedDmarc;
  /** The zone the domain lives in, as a look-up found it (its SOA's owner). */
  zone?: string;
  /** Lists above that were looked for but could not be read: the plan must not assume "none". */
  unread?: string[];
}

/** The records and what to tell the user beside them. */
export interface PlanOverview {
  records: PlannedRecord[];
  /** Plain sentences about the plan as a whole (e.g. where mail is received in send-only mode). */
  notes: string[];
  /**
   * The DNS zone the records are typed into (names in a DNS host's form are relative to it):
   * example.com for a plan of news.example.com unless a look-up found news.example.com's own.
   */
  zone: string;
  /** For a subdomain without a DMARC record of its own: which record applies, and whether it needs one. */
  dmarc?: DmarcCoverage;
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

const SPF_TEXT = /^v=spf1( |$)/i;

function txt(record: Omit<PlannedRecord, 'type' | 'txtStrings'>): PlannedRecord {
  return { ...record, type: 'TXT', txtStrings: splitTxt(record.value) };
}

function stripDot(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function addressRecords(plan: Plan, existing: ExistingRecords): PlannedRecord[] {
  const apex = plan.mailHost === plan.domain;
  const today = existing.mailHostAddresses;
  const unknown = today === undefined || (existing.unread ?? []).includes('mailHostAddresses');
  const planned = [...plan.ipv4, ...plan.ipv6];
  const foreign = unknown ? [] : today.filter((ip) => !planned.includes(ip));
  const warnings: string[] = [];
  if (foreign.length > 0) {
    warnings.push(
      `${shownName(plan.mailHost)} already points to ${foreign.join(' and ')} today${apex ? ' (that is usually your website)' : ''}. Changing it moves everything at ${shownName(plan.mailHost)} to your mail server. If something else runs at that address, go back to the Domain step and choose another mail host name, such as mail.${shownName(plan.domain)}.`,
    );
  } else if (apex && unknown) {
    warnings.push(
      `This sets the address of ${shownName(plan.domain)} itself, which usually points to your website. Do not add a second address beside it: if your website runs on another server, use a mail host such as mail.${shownName(plan.domain)} instead.`,
    );
  }
  const one = (ip: string, type: 'A' | 'AAAA'): PlannedRecord => ({
    key: `${type === 'A' ? 'a' : 'aaaa'}:${ip}`,
    name: plan.mailHost,
    type,
    subject: { kind: 'address', ip },
    value: ip,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Other mail servers find your server's ${type === 'A' ? 'IPv4' : 'IPv6'} address through this name.`,
    more: "Your MX record, your reverse DNS (PTR) and your SPF record for HELO all point at this name, so it must resolve to the server. If your DNS host offers a proxy (like Cloudflare's orange cloud), turn it off for this name: mail cannot pass through a web proxy.",
    checks:
      type === 'A' ? ['host.a', 'host.not-cname', 'host.proxied'] : ['host.aaaa', 'host.not-cname'],
    ...(warnings.length ? { warnings } : {}),
  });
  const family = (ip: string) => (ip.includes(':') ? 'AAAA' : 'A');
  const out: PlannedRecord[] = [];
  const toEdit = foreign.slice();
  for (const ip of planned) {
    const record = one(ip, family(ip));
    if (!unknown && today.includes(ip)) {
      out.push({ ...record, action: 'keep' });
      continue;
    }
    // An address of the same family that is not the server's: edit it rather than add one beside it.
    const i = toEdit.findIndex((old) => family(old) === family(ip));
    if (i >= 0) {
      out.push({ ...record, action: 'edit', oldValue: toEdit[i] as string });
      toEdit.splice(i, 1);
    } else if (apex && unknown) {
      // Not looked at, but the domain itself nearly always has the website's address.
      out.push({ ...record, action: 'edit' });
    } else out.push({ ...record, action: 'add' });
  }
  // The name's other addresses would send mail to another machine: they go.
  for (const old of toEdit) {
    const base = one(old, family(old));
    out.push(
      deleteRecord(
        base,
        old,
        `Other mail servers would sometimes connect to ${old} instead of your server.`,
      ),
    );
  }
  return out;
}

function mxRecords(plan: Plan, existing: ExistingRecords, notes: string[]): PlannedRecord[] {
  // In preference order: resolvers rotate MX answers, and the list must not change between looks.
  const others = (existing.mx ?? [])
    .filter((m) => stripDot(m.exchange) !== plan.mailHost)
    .sort((a, b) => a.preference - b.preference || a.exchange.localeCompare(b.exchange));
  const ours = (existing.mx ?? []).some((m) => stripDot(m.exchange) === plan.mailHost);
  const elsewhere = [...new Set(others.map((m) => stripDot(m.exchange)))];
  if (plan.mode === 'send-only') {
    notes.push(
      elsewhere.length
        ? `Your domain's mail is received by ${elsewhere.join(', ')}, and stays there: this server only sends, so we leave your MX records alone. Changing them would send new incoming mail to another server.`
        : existing.mx === undefined || (existing.unread ?? []).includes('mx')
          ? 'This server only sends, so we leave your MX records alone: incoming mail keeps arriving where it does today.'
          : `This server only sends, and your domain has no MX record, so no one can reply to your mail. Add MX records for the service that should receive it (or choose "send and receive").`,
    );
    return [];
  }
  const record: PlannedRecord = {
    key: 'mx',
    name: plan.domain,
    subject: { kind: 'name' },
    type: 'MX',
    value: `10 ${plan.mailHost}`,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Tells other mail servers to deliver mail for @${shownName(plan.domain)} to ${shownName(plan.mailHost)}.`,
    more: 'The number (10) is the priority: lower is tried first. One MX record is enough for a single server.',
    checks: ['mx.present', 'mx.target'],
  };
  if (existing.mx === undefined || (existing.unread ?? []).includes('mx')) {
    return [
      {
        ...record,
        action: 'add',
        mergeNote: `We do not know which MX records ${shownName(plan.domain)} has today. If some point to another server, delete them when this server is ready to receive: mail is delivered to one place.`,
      },
    ];
  }
  const mine: PlannedRecord = ours
    ? {
        ...record,
        action: 'keep',
        mergeNote: 'Your MX record already points at this server; keep it.',
      }
    : { ...record, action: 'add' };
  if (elsewhere.length === 0) return [mine];
  const moving: PlannedRecord = {
    ...mine,
    mergeNote: `Your domain's mail now goes to ${elsewhere.join(', ')}. Publishing this MX and deleting those records makes new mail arrive at this server instead, and it stops arriving there. Move the mailboxes first; if you want to keep receiving there, choose "send only".`,
    warnings: [
      'Changing MX records decides where your incoming mail goes. Do it only when this server is ready to receive.',
    ],
  };
  return [
    moving,
    ...others.map((m) =>
      deleteRecord(
        record,
        `${m.preference} ${stripDot(m.exchange)}`,
        `Mail for @${shownName(plan.domain)} is delivered to ${stripDot(m.exchange)} today. Delete it once this server receives, or some mail keeps going there.`,
      ),
    ),
  ];
}

function unread(existing: ExistingRecords, kind: string): boolean {
  return (existing.unread ?? []).includes(kind);
}

function spfRecords(plan: Plan, existing: ExistingRecords): PlannedRecord[] {
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
  const known = existing.spf !== undefined && !unread(existing, 'spf');
  const olds = known ? (existing.spf ?? []).filter((t) => SPF_TEXT.test(t)) : undefined;
  const record = txt({
    key: 'spf',
    subject: { kind: 'name' },
    name: plan.domain,
    value: built.value,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Lists the servers allowed to send mail as @${shownName(plan.domain)}, so receivers can spot forgeries.`,
    more: `It names your server${includes.length ? ' and the services that also send for you' : ''}. "${spfAllTerm('softfail')}" asks receivers to treat other senders as suspicious; "-all" asks them to reject. A domain must have exactly one SPF record.`,
    checks: SPF_CHECKS,
    ...(built.notes.length ? { mergeNote: built.notes.join(' ') } : {}),
    ...(built.warnings.length ? { warnings: built.warnings } : {}),
    ...(nextStep ? { nextStep } : {}),
  });
  return againstToday(
    record,
    olds,
    (old) => old === built.value,
    `A domain may have only one SPF record: with two, receivers ignore both. The record above holds everything this one allowed.`,
    `We do not know whether ${shownName(plan.domain)} has an SPF record today. If it has one (a TXT record starting "v=spf1"), edit that one to this value instead of adding a second.`,
  );
}

function heloSpfRecords(plan: Plan, existing: ExistingRecords): PlannedRecord[] {
  if (plan.mailHost === plan.domain) return [];
  const value = 'v=spf1 a -all';
  const known = existing.mailHostSpf !== undefined && !unread(existing, 'mailHostSpf');
  const olds = known ? (existing.mailHostSpf ?? []).filter((t) => SPF_TEXT.test(t)) : undefined;
  const record = txt({
    key: 'spf-helo',
    subject: { kind: 'name' },
    name: plan.mailHost,
    value,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: `Your server introduces itself as ${shownName(plan.mailHost)}; this says only that name's own address may use it.`,
    more: 'Receivers check SPF for the name in the server\'s greeting (HELO) too, especially for bounces, which have no sender address. "a" means the addresses of this same name.',
    checks: ['spf.helo'],
  });
  return againstToday(
    record,
    olds,
    (old) => old.toLowerCase() === value,
    `A name may have only one SPF record: with two, receivers ignore both.`,
  );
}

function dkimRecords(plan: Plan): PlannedRecord[] {
  const selector = plan.dkim?.selector ?? defaultSelectorFor(plan.mailSoftware);
  const base = {
    ttl: DEFAULT_TTL,
    where: 'dns-host' as const,
    why: 'Publishes the public key receivers use to check the signature your server puts on each message.',
    more: 'The private key stays on your server and signs mail; this public half lets anyone verify the signature. The name before "._domainkey" (the selector) must match your mail software\'s setting.',
    checks: DKIM_CHECKS,
    action: 'add' as const,
  };
  const key = plan.dkim?.publicKey;
  const keyType = plan.dkim?.keyType ?? 'rsa';
  const cname = plan.dkim?.cname?.toLowerCase().replace(/\.$/, '');
  const out: PlannedRecord[] = [
    cname
      ? {
          ...base,
          key: `dkim:${selector}`,
          subject: { kind: 'dkim-key', selector },
          name: `${selector}._domainkey.${plan.domain}`,
          type: 'CNAME',
          value: cname,
          why: 'Points receivers to the DKIM key your mail service publishes for you.',
          more: `Your mail service publishes the public key at ${cname} and can change it there without you touching DNS. Receivers follow this alias (CNAME) to the key. The selector "${selector}" must be the one the service signs with.`,
        }
      : key
        ? txt({
            ...base,
            key: `dkim:${selector}`,
            subject: { kind: 'dkim-key', selector },
            name: `${selector}._domainkey.${plan.domain}`,
            value: `v=DKIM1; k=${keyType}; p=${key}`,
          })
        : txt({
            ...base,
            key: `dkim:${selector}`,
            subject: { kind: 'dkim-key', selector },
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
        subject: { kind: 'dkim-key', selector: extra.selector },
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

/** A subdomain's coverage by a parent's record, when it has none of its own (read, not assumed). */
function dmarcCoverageOf(plan: Plan, existing: ExistingRecords): DmarcCoverage | undefined {
  const known = existing.dmarc !== undefined && !unread(existing, 'dmarc');
  if (!known || dmarcTexts(existing.dmarc ?? []).length > 0) return undefined;
  return dmarcCoverage(plan, existing.dmarcInherited);
}

function dmarcRecords(
  plan: Plan,
  existing: ExistingRecords,
  coverage: DmarcCoverage | undefined,
): PlannedRecord[] {
  // The parent's record already applies, as strict as planned: nothing to publish here.
  if (coverage && !coverage.needsOwn) return [];
  const known = existing.dmarc !== undefined && !unread(existing, 'dmarc');
  const built = buildDmarc(
    {
      domain: plan.domain,
      policy: plan.dmarc?.policy ?? 'none',
      ...(plan.dmarc?.rua ? { rua: plan.dmarc.rua } : {}),
      ...(plan.dmarc?.ruf ? { ruf: plan.dmarc.ruf } : {}),
    },
    known ? (existing.dmarc ?? []) : [],
  );
  const record = txt({
    key: 'dmarc',
    subject: { kind: 'name' },
    name: `_dmarc.${plan.domain}`,
    value: built.value,
    ttl: DEFAULT_TTL,
    where: 'dns-host',
    why: 'Tells receivers what to do with mail that fails SPF and DKIM, and where to send reports about it.',
    more: 'p=none only collects reports; quarantine sends failing mail to spam; reject refuses it. Start with none, read the reports, then tighten.',
    checks: DMARC_CHECKS,
    ...(built.notes.length ? { mergeNote: built.notes.join(' ') } : {}),
    ...(built.warnings.length ? { warnings: built.warnings } : {}),
    ...(built.nextStep ? { nextStep: built.nextStep } : {}),
  });
  // Only DMARC records count: other TXT records at _dmarc are left alone.
  const olds = known ? (built.kept ? [built.value] : built.replaces) : undefined;
  return againstToday(
    record,
    olds,
    (old) => old === built.value,
    'A domain may have only one DMARC record: with two, receivers ignore DMARC altogether.',
    `We do not know whether ${shownName(plan.domain)} has a DMARC record today. If it has one, edit that one instead of adding a second.`,
  );
}

function ptrRecords(plan: Plan): PlannedRecord[] {
  return [...plan.ipv4, ...plan.ipv6].map((ip) => ({
    key: `ptr:${ip}`,
    name: reverseName(ip),
    subject: { kind: 'address' as const, ip },
    type: 'PTR' as const,
    value: plan.mailHost,
    ttl: DEFAULT_TTL,
    where: 'vps-host' as const,
    why: `Reverse DNS: lets receivers look up ${ip} and find ${shownName(plan.mailHost)}; many refuse mail from addresses without it.`,
    more: 'Only the owner of the address (your VPS host) can set this record, in its control panel or by a support request. It must name exactly your mail host, and that name must resolve back to the address.',
    checks: ['ptr.present', 'ptr.matches', 'ptr.fcrdns'],
    action: 'add' as const,
  }));
}

/**
 * The records to publish and the notes about the plan as a whole, each record with what to do
 * against what the domain publishes today (`existing`, empty when nobody looked): add, edit,
 * delete or keep. Every output (Records, Summary, PDF, zone file, JSON, the CLI) calls this
 * through recordsToPublish (records-to-publish.ts), never a copy of it.
 */
export function planOverview(plan: Plan, existing: ExistingRecords = {}): PlanOverview {
  const notes: string[] = [];
  const dmarc = dmarcCoverageOf(plan, existing);
  if (dmarc) notes.push(dmarc.sentence);
  const records: PlannedRecord[] = [
    ...addressRecords(plan, existing),
    ...mxRecords(plan, existing, notes),
    ...spfRecords(plan, existing),
    ...heloSpfRecords(plan, existing),
    ...dkimRecords(plan),
    ...dmarcRecords(plan, existing, dmarc),
    // Secure delivery (only the parts the plan's `security` section chose): secure-records.ts.
    ...secureRecords(
      plan,
      (existing.mx ?? []).map((m) => m.exchange),
    ),
    ...ptrRecords(plan),
  ];
  return {
    records,
    notes,
    zone: zoneFor(plan.domain, existing.zone),
    ...(dmarc ? { dmarc } : {}),
  };
}

/** The records to publish, in the order to create them. */
export function planRecords(plan: Plan, existing: ExistingRecords = {}): PlannedRecord[] {
  return planOverview(plan, existing).records;
}
