/**
 * The block lists checked by default and what their answers mean, as data. Sources: rspamd
 * conf/modules.d/rbl.conf (eaac8e91, 2026-08-21), SpamAssassin 20_dnsbl_tests.cf and 25_uribl.cf
 * (f7fe7b82, 2024-10-24) and the operators' pages, as collected in Mailwright's research notes
 * (2026-11). SORBS is not here: it was shut down on 2024-06-05.
 */

/** What one answer code of a list means. */
export interface DnsblCode {
  /** Matches the last octet (exact) or, for bitmask lists, the bit. */
  value: number;
  meaning: string;
  /** A listing that is a policy, not a misdeed (Spamhaus PBL): explained, not alarming. */
  policy?: boolean;
}

/** One block list. */
export interface DnsblList {
  id: string;
  name: string;
  zone: string;
  /** What it lists: server IPs or domains. */
  kind: 'ip' | 'domain';
  /** Exact last-octet codes, or bits of a bitmask. */
  codes: DnsblCode[];
  bitmask?: boolean;
  /** Answers that mean "I refuse to answer you", not "listed" (besides 127.255.255.0/24). */
  refusal: string[];
  /** Where to ask for removal. */
  removal: string;
  /** A sentence about how listings end or how to get off, shown with a listing. */
  note?: string;
  /** The zone to use with a Spamhaus Data Query Service key instead (`{key}` is replaced). */
  dqsZone?: string;
}

/** The default lists (dnsbl.md "App design implications" 2). */
export const DEFAULT_DNSBLS: readonly DnsblList[] = [
  {
    id: 'spamhaus-zen',
    name: 'Spamhaus ZEN',
    zone: 'zen.spamhaus.org',
    kind: 'ip',
    codes: [
      { value: 2, meaning: 'Spamhaus Block List (SBL): a known source of spam' },
      { value: 3, meaning: 'Spamhaus CSS: spam-like mail was seen from this address recently' },
      { value: 4, meaning: 'Exploits Block List (XBL): the address looks infected or hijacked' },
      { value: 5, meaning: 'Exploits Block List (XBL): the address looks infected or hijacked' },
      { value: 6, meaning: 'Exploits Block List (XBL): the address looks infected or hijacked' },
      { value: 7, meaning: 'Exploits Block List (XBL): the address looks infected or hijacked' },
      { value: 9, meaning: 'Spamhaus DROP: the whole network is run by spammers or criminals' },
      {
        value: 10,
        meaning:
          'Policy Block List (PBL): the address range is marked as one that should not send mail directly. This says nothing bad about you; it is typical of ranges the provider did not mark as servers',
        policy: true,
      },
      {
        value: 11,
        meaning:
          'Policy Block List (PBL), set by Spamhaus: the range is marked as one that should not send mail directly',
        policy: true,
      },
    ],
    refusal: ['127.255.255.252', '127.255.255.254', '127.255.255.255'],
    removal: 'https://check.spamhaus.org/',
    note: 'A PBL entry can be removed by the owner of a mail server at the same page.',
    dqsZone: '{key}.zen.dq.spamhaus.net',
  },
  {
    id: 'barracuda',
    name: 'Barracuda (BRBL)',
    zone: 'b.barracudacentral.org',
    kind: 'ip',
    codes: [{ value: 2, meaning: 'listed by Barracuda for sending spam' }],
    refusal: [],
    removal: 'https://www.barracudacentral.org/rbl/removal-request',
    note: 'Removal requests are usually handled within 24 hours.',
  },
  {
    id: 'spamcop',
    name: 'SpamCop',
    zone: 'bl.spamcop.net',
    kind: 'ip',
    codes: [{ value: 2, meaning: 'reported to SpamCop as a spam source' }],
    refusal: [],
    removal: 'https://www.spamcop.net/bl.shtml',
    note: 'SpamCop listings end by themselves once reports stop.',
  },
  {
    id: 'uceprotect-1',
    name: 'UCEPROTECT level 1',
    zone: 'dnsbl-1.uceprotect.net',
    kind: 'ip',
    codes: [{ value: 2, meaning: 'this single address sent mail to UCEPROTECT spam traps' }],
    refusal: [],
    removal: 'https://www.uceprotect.net/en/rblcheck.php',
    note: 'Level 1 entries expire by themselves after the spam stops. UCEPROTECT is strict and few big providers use it; do not pay for removal.',
  },
  {
    id: 'psbl',
    name: 'PSBL (Passive Spam Block List)',
    zone: 'psbl.surriel.com',
    kind: 'ip',
    codes: [{ value: 2, meaning: 'mail from this address reached PSBL spam traps' }],
    refusal: [],
    removal: 'https://psbl.org/',
    note: 'You can remove the address yourself on the PSBL site.',
  },
  {
    id: 'mailspike',
    name: 'Mailspike',
    zone: 'bl.mailspike.net',
    kind: 'ip',
    codes: [{ value: 2, meaning: 'listed by Mailspike for poor sending reputation' }],
    refusal: [],
    removal: 'https://mailspike.org/',
  },
  {
    id: 'spamhaus-dbl',
    name: 'Spamhaus DBL',
    zone: 'dbl.spamhaus.org',
    kind: 'domain',
    codes: [
      { value: 2, meaning: 'the domain appears in spam' },
      { value: 4, meaning: 'the domain is used for phishing' },
      { value: 5, meaning: 'the domain is used to spread malware' },
      { value: 6, meaning: 'the domain runs botnet command and control' },
      { value: 102, meaning: 'a legitimate domain whose site or mail was abused for spam' },
      { value: 103, meaning: 'a legitimate domain whose site was abused to redirect to spam' },
      { value: 104, meaning: 'a legitimate domain whose site was abused for phishing' },
      { value: 105, meaning: 'a legitimate domain whose site was abused to spread malware' },
      { value: 106, meaning: 'a legitimate domain abused for botnet command and control' },
    ],
    refusal: ['127.0.1.255', '127.255.255.252', '127.255.255.254', '127.255.255.255'],
    removal: 'https://check.spamhaus.org/',
    dqsZone: '{key}.dbl.dq.spamhaus.net',
  },
  {
    id: 'surbl',
    name: 'SURBL',
    zone: 'multi.surbl.org',
    kind: 'domain',
    bitmask: true,
    codes: [
      { value: 4, meaning: 'the domain is on the SURBL DM list' },
      { value: 8, meaning: 'the domain is used for phishing' },
      { value: 16, meaning: 'the domain is used to spread malware' },
      { value: 32, meaning: 'the domain is on the SURBL CT list' },
      { value: 64, meaning: 'the domain appears in spam or abuse' },
      { value: 128, meaning: 'the domain belongs to a cracked (hijacked) site' },
    ],
    refusal: ['127.0.0.1'],
    removal: 'https://surbl.org/surbl-analysis',
  },
  {
    id: 'uribl',
    name: 'URIBL',
    zone: 'multi.uribl.com',
    kind: 'domain',
    bitmask: true,
    codes: [
      { value: 2, meaning: 'the domain is on the URIBL black list (appears in spam)' },
      { value: 4, meaning: 'the domain is on the URIBL grey list (bulk mail)' },
      { value: 8, meaning: 'the domain is on the URIBL red list (recently seen in spam)' },
    ],
    refusal: ['127.0.0.1'],
    removal: 'https://admin.uribl.com/',
  },
];

/**
 * A list given by zone on the command line (`--dnsbl ZONE`, or `--dnsbl domain:ZONE` for a
 * domain list): a default list when the zone is one of them, else a generic RFC 5782 list
 * (127.0.0.2 and up = listed).
 */
export function listForZone(spec: string): DnsblList {
  const domain = /^domain:/i.test(spec);
  const zone = spec
    .replace(/^(domain|ip):/i, '')
    .toLowerCase()
    .replace(/\.$/, '');
  const known = DEFAULT_DNSBLS.find((l) => l.zone === zone);
  if (known) return known;
  return {
    id: zone,
    name: zone,
    zone,
    kind: domain ? 'domain' : 'ip',
    codes: [],
    refusal: [],
    removal: `the web site of ${zone}`,
  };
}
