import type { Finding, Status } from '../../../shared/checks/finding';
import { summarize } from '../../../shared/checks/finding';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { planSchema, type Plan, type PlanInput } from '../../../shared/model/plan';
import type { PlannedRecord } from '../../../shared/records/planned-record';

/**
 * Plans, planned records and runs for the summary tests. The records stand in for the
 * planner's output (same shape as PlannedRecord) so these tests do not change when the
 * planner's wording does; the CLI test runs the real planner.
 */

/** A fixed moment so the PDFs' dates are stable. */
export const NOW = new Date('2026-11-22T10:05:00.000Z');

/** A 2048-bit RSA public key (base64 SPKI, as in p=): 392 characters. */
export const DKIM_2048 =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB';

/** A 4096-bit-sized key text (736 characters), to exercise long values. */
export const DKIM_LONG = (DKIM_2048.repeat(2) + 'AAAB').slice(0, 736);

function txt(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i += 255) out.push(value.slice(i, i + 255));
  return out;
}

/** Parse a plan input as the app would. */
export function plan(input: PlanInput): Plan {
  return planSchema.parse(input);
}

/** The basic plan: one IPv4, send and receive, Cloudflare, Hetzner. */
export const basicPlan: Plan = plan({
  domain: 'example.com',
  mailHost: 'mail.example.com',
  ipv4: ['203.0.113.10'],
  mode: 'send-receive',
  dkim: { selector: 'mail', publicKey: DKIM_2048 },
  dmarc: { policy: 'none', rua: 'mailto:dmarc@example.com' },
  dnsHost: 'cloudflare',
  vpsHost: 'hetzner',
});

/** Records like the planner's for a plan (A/AAAA, MX, SPF, HELO SPF, DKIM, DMARC, PTR). */
export function recordsFor(p: Plan, spfIncludes: readonly string[] = []): PlannedRecord[] {
  const d = p.domain;
  const h = p.mailHost;
  const records: PlannedRecord[] = [];
  for (const ip of p.ipv4) {
    records.push({
      key: `a:${ip}`,
      name: h,
      type: 'A',
      value: ip,
      ttl: 3600,
      where: 'dns-host',
      why: 'Points the mail host name at your server.',
      checks: ['host.a'],
    });
  }
  for (const ip of p.ipv6) {
    records.push({
      key: `aaaa:${ip}`,
      name: h,
      type: 'AAAA',
      value: ip,
      ttl: 3600,
      where: 'dns-host',
      why: 'Points the mail host name at your server over IPv6.',
      checks: ['host.aaaa'],
    });
  }
  if (p.mode === 'send-receive') {
    records.push({
      key: 'mx',
      name: d,
      type: 'MX',
      value: `10 ${h}`,
      ttl: 3600,
      where: 'dns-host',
      why: 'Tells other servers where to deliver mail for the domain.',
      checks: ['mx.present', 'mx.target'],
    });
  }
  const spf = [
    'v=spf1',
    'mx',
    ...p.ipv4.map((ip) => `ip4:${ip}`),
    ...p.ipv6.map((ip) => `ip6:${ip}`),
    ...spfIncludes.map((i) => `include:${i}`),
    '~all',
  ].join(' ');
  records.push({
    key: 'spf',
    name: d,
    type: 'TXT',
    value: spf,
    txtStrings: txt(spf),
    ttl: 3600,
    where: 'dns-host',
    why: 'Lists the servers allowed to send mail for the domain.',
    checks: [
      'spf.present',
      'spf.single',
      'spf.syntax',
      'spf.authorizes',
      'spf.lookups',
      'spf.all',
      'spf.senders',
    ],
    nextStep: { value: spf.replace('~all', '-all'), when: 'after 2 weeks of clean DMARC reports' },
  });
  records.push({
    key: 'spf-helo',
    name: h,
    type: 'TXT',
    value: 'v=spf1 a -all',
    ttl: 3600,
    where: 'dns-host',
    why: 'Lets receivers check the name your server greets them with.',
    checks: ['spf.helo'],
  });
  if (p.dkim?.publicKey) {
    const v = `v=DKIM1; k=rsa; p=${p.dkim.publicKey}`;
    records.push({
      key: `dkim:${p.dkim.selector}`,
      name: `${p.dkim.selector}._domainkey.${d}`,
      type: 'TXT',
      value: v,
      txtStrings: txt(v),
      ttl: 3600,
      where: 'dns-host',
      why: 'Publishes the key that proves your mail was signed by your server.',
      checks: ['dkim.present', 'dkim.syntax', 'dkim.key-strength', 'dkim.matches', 'dkim.testing'],
    });
  }
  if (p.dmarc) {
    const v = `v=DMARC1; p=${p.dmarc.policy}${p.dmarc.rua ? `; rua=${p.dmarc.rua}` : ''}`;
    const rec: PlannedRecord = {
      key: 'dmarc',
      name: `_dmarc.${d}`,
      type: 'TXT',
      value: v,
      ttl: 3600,
      where: 'dns-host',
      why: 'Tells receivers what to do with mail that fails SPF and DKIM.',
      checks: ['dmarc.present', 'dmarc.single', 'dmarc.syntax', 'dmarc.policy', 'dmarc.reports'],
    };
    if (p.dmarc.policy === 'none')
      rec.nextStep = {
        value: v.replace('p=none', 'p=quarantine'),
        when: 'after 4 weeks of reports showing only your own servers',
      };
    records.push(rec);
  }
  for (const ip of [...p.ipv4, ...p.ipv6]) {
    records.push({
      key: `ptr:${ip}`,
      name: ip.includes(':')
        ? `${ip} (reverse)`
        : ip.split('.').reverse().join('.') + '.in-addr.arpa',
      type: 'PTR',
      value: h,
      ttl: 3600,
      where: 'vps-host',
      why: 'Makes your server address point back to its name.',
      checks: ['ptr.present', 'ptr.matches', 'ptr.fcrdns'],
    });
  }
  return records;
}

/** Build a finding. */
export function finding(
  check: string,
  subject: string,
  status: Status,
  title: string,
  detail: string,
  fix?: string,
): Finding {
  const f: Finding = { check, subject, status, title, detail };
  if (fix !== undefined) f.fix = fix;
  return f;
}

/** A run document around findings. */
export function run(domain: string, findings: Finding[]): CheckDocument {
  return {
    tool: 'mailwright',
    version: '0.1.0',
    domain,
    startedAt: '2026-11-22T10:00:00.000Z',
    durationMs: 812,
    summary: summarize(findings),
    findings,
  };
}

/** A run of the basic plan: two fails, a warn, a pending, an unknown, the rest pass. */
export function basicRun(): CheckDocument {
  return run('example.com', [
    finding(
      'domain.delegated',
      'example.com',
      'pass',
      'The domain has nameservers that answer.',
      'ns1 and ns2 answer.',
    ),
    finding(
      'host.a',
      'mail.example.com',
      'pass',
      'mail.example.com points at 203.0.113.10.',
      'Every view sees 203.0.113.10.',
    ),
    finding(
      'mx.present',
      'example.com',
      'pass',
      'The domain has an MX record.',
      '10 mail.example.com',
    ),
    finding(
      'mx.target',
      'example.com',
      'pass',
      'The MX points at mail.example.com.',
      'Target resolves to 203.0.113.10.',
    ),
    finding(
      'spf.single',
      'example.com',
      'fail',
      'The domain has two SPF records; receivers ignore both.',
      'Found: "v=spf1 mx ~all" and "v=spf1 ip4:203.0.113.10 ~all".',
      'Delete the older record "v=spf1 mx ~all" at your DNS host and keep only the one from this summary.',
    ),
    finding('spf.all', 'example.com', 'pass', 'SPF ends with ~all.', 'The record ends in ~all.'),
    finding(
      'dkim.present',
      'mail._domainkey.example.com',
      'pending',
      'The DKIM key is published but not yet visible everywhere.',
      'Your nameservers have it; Google Public DNS does not yet.',
      'Nothing to do: wait, then check again.',
    ),
    finding(
      'dmarc.policy',
      'example.com',
      'warn',
      'DMARC only monitors: p=none protects nobody yet.',
      'The record says p=none.',
      'After a few weeks of clean reports, change p=none to p=quarantine.',
    ),
    finding(
      'ptr.present',
      '203.0.113.10',
      'fail',
      'The server address has no reverse name.',
      'No PTR record for 203.0.113.10.',
      'Ask Hetzner to set the reverse DNS of 203.0.113.10 to mail.example.com (see Reverse DNS).',
    ),
    finding(
      'smtp.network',
      'this computer',
      'unknown',
      'This network blocks port 25, so the mail server could not be checked from here.',
      'The control connection to a public mail server timed out too.',
      'Run "npx mailwright check" on the server itself.',
    ),
    finding(
      'dnshost.detected',
      'example.com',
      'info',
      'Your DNS host is Cloudflare.',
      'Nameservers: ada.ns.cloudflare.com, bob.ns.cloudflare.com.',
    ),
    submissionFinding('203.0.113.10'),
  ]);
}

/** A submission.ports finding shaped like the checker's (evidence.ports per service). */
export function submissionFinding(address: string): Finding {
  const f = finding(
    'submission.ports',
    address,
    'info',
    'Mail apps can use ports 587, 993',
    `Ports for mail apps at ${address}.`,
  );
  f.evidence = {
    ports: [
      {
        service: 587,
        port: 587,
        open: true,
        tls: 'TLSv1.3',
        certificateNames: 'mail.example.com',
        certificateOk: true,
      },
      { service: 465, port: 465, open: false },
      {
        service: 993,
        port: 993,
        open: true,
        tls: 'TLSv1.3',
        certificateNames: 'mail.example.com',
        certificateOk: true,
      },
    ],
  };
  return f;
}
