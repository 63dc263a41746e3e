import type { CheckId } from '../../../shared/checks/catalogue';
import { RUN_ON_SERVER_WORDS, runOnServerFix } from '../../../shared/checks/smtp-words';
import { CHECKS } from '../../../shared/checks/catalogue';
import { summarize, type Finding, type Status } from '../../../shared/checks/finding';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { planSchema, type Plan, type PlanInput } from '../../../shared/model/plan';

/**
 * Plans and runs for the summary tests. Records come from the real planner (planRecords); the
 * runs are hand-made documents in the shape of `mailwright check --json` (docs/CHECKS.md), so the
 * PDF can be tested in every state without a network.
 */

/** A fixed moment so the PDFs' dates are stable. */
export const NOW = new Date('2026-11-22T10:05:00.000Z');

/** A 2048-bit RSA public key (base64 SPKI, as in p=), made with openssl for these tests. */
export const DKIM_2048 =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqGb4QP/8I/mVQnBNi1pJa3PCYCD4QdpAXDY7tzf0mQr9UX3QW09pUzLnrqVAqal4vO/lfe7ikcjTHTPJKYb+qO5xou4Jx7rWrpNlPr9SusfRD9GzyfeS+TG9R6DRSbUHlujzxxtquTNjQPq/NSbMECs6QN+GlSqnOETXMrCcBgYqGIvW2tart63SAeJd30CGwdF5dYG9Z9NeuY+37jtaY5Zevj4S+RHXLAHDT3EYTg6x8x/VYCCijFdWI+9QqULyewBs8Gh9kP96RATglEtLJUTpfLrjAV/bIFIYvoCPu4GBsAd76LXiJLQa8GilUPqdv1xtMobglNmdvA6VvwzAIQIDAQAB';

/** A 4096-bit RSA public key (736 characters): a long TXT value in three strings. */
export const DKIM_4096 =
  'MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA8rdTgtJ0UqBxJkfkYNae/fnGmkfNwRRye1yX+WJA7D2CX6JWdIcAH2VxeKC9Z5cGGy7+bnoE6aCVxFmIDPK1eUIpcClkiU4ytIYxH4QpGJQf/X3pWKYwmdDjKg1jI0RDO0W1nHMXk3EaFeoFFowYybsx0tyP2NFrRDWYruikaA95FtpBsUtAZBHEMUtZNAkxMpaGt4rvJsIxilLB81FrVewnuxUSFXEhQZYdsL0WQP85IZxnuDWnFt5las03naC1uiwXAm7tzYziZ9MTjK7Kvc6P94w8+a6BSCiEnU5517ETzNtGLruERbwaMWzQxv1c4HTufxuwchAQXFx5Ml0VRAeoaYTk9SjvCKc0/XzhTQO84C4ZMsH1rz/DU6SKqFTP/8Tm7vwCfDf+IHNOGNZ/lp0rZMoUv+4N91EFVlSzN0g0sxcuHksIiavTpnqaytR6RMI2FwrIYkNOj7VF9VXVTJ6fKss6NfNu7TJvMqiotJKM1u8ynae+FdaXg0p8YISGX626obqCxheJax3snueDkzc7V0+Eqx8xZDRnDYphPHA473kKywkvSJa1o7R4/EboAe0cNA3a5yGlhMo1K+sGCERMkW4BjBlaHgtNjLY2aggfO/XO5IEguTMNSpRXxzAYpVshHBldnsAeVBG5dehP1QXB8phOZJgxjtZdoWWncfMCAwEAAQ==';

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

/** The long plan: IPv4 + IPv6, four other senders, a 4096-bit DKIM key, an unknown DNS host. */
export const longPlan: Plan = plan({
  domain: 'shop.example.org',
  mailHost: 'mail.shop.example.org',
  ipv4: ['198.51.100.25', '198.51.100.26'],
  ipv6: ['2001:db8:4:2::25'],
  mode: 'send-receive',
  senders: ['google-workspace', 'amazon-ses', 'sendgrid', 'mailgun'],
  dkim: { selector: 's2026', publicKey: DKIM_4096, keyType: 'rsa' },
  dmarc: { policy: 'none', rua: 'mailto:dmarc-reports@shop.example.org' },
  dnsHost: 'other',
  vpsHost: 'other',
});

/** International domains: Cyrillic, Greek, accented Latin (Unicode, ASCII). */
export const IDN_CASES = [
  {
    unicode: 'пример.рф',
    ascii: 'xn--e1afmkfd.xn--p1ai',
    mailUnicode: 'почта.пример.рф',
    mailAscii: 'xn--80a1acny.xn--e1afmkfd.xn--p1ai',
  },
  {
    unicode: 'παράδειγμα.ελ',
    ascii: 'xn--hxajbheg2az3al.xn--qxam',
    mailUnicode: 'mail.παράδειγμα.ελ',
    mailAscii: 'mail.xn--hxajbheg2az3al.xn--qxam',
  },
  {
    unicode: 'café-crème.fr',
    ascii: 'xn--caf-crme-60ag.fr',
    mailUnicode: 'mail.café-crème.fr',
    mailAscii: 'mail.xn--caf-crme-60ag.fr',
  },
] as const;

/** The plan of one IDN case. */
export function idnPlan(c: (typeof IDN_CASES)[number]): Plan {
  return plan({
    domain: c.ascii,
    mailHost: c.mailAscii,
    ipv4: ['192.0.2.25'],
    dmarc: { policy: 'quarantine' },
    dnsHost: 'namecheap',
    vpsHost: 'digitalocean',
  });
}

/** Build a finding. */
export function finding(
  check: CheckId,
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
    {
      ...finding(
        'dkim.present',
        'mail._domainkey.example.com',
        'pending',
        'The DKIM key is published but not yet visible everywhere.',
        'Your nameservers have it; Google Public DNS does not yet.',
        'Nothing to do: wait, then check again.',
      ),
      eta: '2026-11-22T11:00:00.000Z',
    },
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
    {
      // As the port-25 gate writes it: the commands for the CLI and JSON, the words for people.
      ...finding(
        'smtp.network',
        'this computer',
        'unknown',
        'This network blocks port 25, so the mail server could not be checked from here.',
        'The control connection to a public mail server timed out too.',
        runOnServerFix('mailwright-plan.json', '203.0.113.10'),
      ),
      ownerFix: RUN_ON_SERVER_WORDS,
    },
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

const ROTATION: readonly Status[] = ['fail', 'warn', 'pending', 'unknown', 'pass', 'pass', 'info'];

/** Many findings for the long plan: every catalogue check, per address where it is per address. */
export function longRun(p: Plan): CheckDocument {
  const addresses = [...p.ipv4, ...p.ipv6];
  const perAddress = new Set([
    'host.public-ip',
    'ptr.present',
    'ptr.matches',
    'ptr.fcrdns',
    'spf.authorizes',
    'dnsbl.ip',
    'smtp.reachable',
    'smtp.banner',
    'smtp.ehlo',
    'smtp.starttls',
    'smtp.certificate',
  ]);
  const findings: Finding[] = [];
  let i = 0;
  for (const c of CHECKS) {
    const subjects = perAddress.has(c.id) ? addresses : [p.domain];
    for (const subject of subjects) {
      const status = ROTATION[i % ROTATION.length] ?? 'pass';
      i += 1;
      const needsFix = status !== 'pass' && status !== 'info';
      findings.push(
        finding(
          c.id,
          subject,
          status,
          `${c.title} (${subject}): finding number ${i} is ${status}.`,
          `What the check saw for ${subject}, with enough words to wrap onto a second line in the PDF so that the layout of long details is exercised as well.`,
          needsFix
            ? `Fix number ${i}: open your DNS host's panel and correct the record for ${subject}, then run the check again.`
            : undefined,
        ),
      );
    }
  }
  for (const a of addresses) findings.push(submissionFinding(a));
  return run(p.domain, findings);
}
