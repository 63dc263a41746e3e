import type { RecordType } from '../records/planned-record';
import { documented, reported, unknownFact, type Fact, type KnownFact } from './provider-fact';

/**
 * The DNS-host catalogue: how each host's record form wants names and values typed. Facts come
 * from Mailwright's provider research notes (docs/research/providers.md) and, where marked with a
 * day, from stored copies of public pages read on that day. Anything not found is an
 * UnknownFact, and dns-host-render.ts gives generic instructions for it.
 */

/** Catalogue ids of the DNS hosts, in the order the UI lists them. */
export const DNS_HOST_IDS = [
  'cloudflare',
  'namecheap',
  'godaddy',
  'route53',
  'google-cloud-dns',
  'hostinger',
  'porkbun',
  'gandi',
  'digitalocean',
  'hetzner',
  'ovh',
  'ionos',
  'squarespace',
  'other',
] as const;

/** One DNS host id. */
export type DnsHostId = (typeof DNS_HOST_IDS)[number];

/** How the form's Name (Host) field is filled in. */
export interface NameFieldRule {
  /** relative: type only the part before the domain ("mail"); the host adds the domain. */
  style: 'relative';
  /** What stands for the domain itself: "@", or leave the field empty. */
  apex: '@' | 'blank';
}

/** How a TXT value is typed. */
export interface TxtEntryRule {
  /**
   * paste-whole: paste the value as one piece; the host splits it into 255-character strings.
   * pre-split-quoted: type each piece of at most 255 characters in its own quotes, in one value.
   * text-mode: the form has a length limit; longer values go in through the zone's text editor.
   */
  long: 'paste-whole' | 'pre-split-quoted' | 'text-mode';
  /** The longest value the form accepts, where known. */
  maxChars?: number;
  /** maxChars counts the quotes and spaces of the stored strings, not just the text. */
  maxCountsQuotes?: boolean;
  /** Even a short value must be typed inside quotes. */
  quoteAlways?: boolean;
}

/** How a target host name (MX, CNAME) is typed. */
export interface TargetRule {
  /** required: without a trailing dot the host appends the domain to the target. */
  trailingDot: 'required';
}

/** Where the MX priority goes. */
export type MxPriorityField = 'separate-field' | 'in-value';

/** The host's proxy switch (only Cloudflare has one in this catalogue). */
export interface ProxyRule {
  /** The field's label in the form. */
  field: string;
  /** The setting mail records need. */
  mailSetting: string;
  /** Record types the switch appears on. */
  types: RecordType[];
}

/** Whether and how the host imports a BIND zone file. */
export interface ZoneImportRule {
  supported: boolean;
  /** Where to find it, in plain words. */
  how?: string;
  /** Limits worth knowing before importing. */
  limits?: string;
}

/** A sentence about a host's form that users trip over, with its source. */
export type Quirk = KnownFact<string> & { appliesTo?: RecordType[] };

/** One DNS host of the catalogue. */
export interface DnsHost {
  id: DnsHostId;
  /** The name users know it by. */
  name: string;
  /** Name-server patterns that identify the host (see ns-pattern.ts). */
  nameServers: Fact<string[]>;
  nameField: Fact<NameFieldRule>;
  txt: Fact<TxtEntryRule>;
  target: Fact<TargetRule>;
  mxPriority: Fact<MxPriorityField>;
  /** Present only for hosts that have a proxy switch. */
  proxy?: Fact<ProxyRule>;
  zoneImport: Fact<ZoneImportRule>;
  quirks: Quirk[];
}

// Pages read on this day from stored copies; the research notes themselves carry only a month.
const READ = { checked: '2026-11-22', note: 'read from a stored copy of the page' };

const noTargetFact = unknownFact(
  'Our research did not find whether this form needs a trailing dot on MX and CNAME targets.',
);
const noPriorityFact = unknownFact(
  'Our research did not find whether the MX priority has its own box in this form.',
);
const noTxtFact = unknownFact(
  'Our research did not find how this form takes TXT values longer than 255 characters.',
);
const noImportFact = unknownFact('Our research did not find whether this host imports zone files.');

const cloudflare: DnsHost = {
  id: 'cloudflare',
  name: 'Cloudflare',
  nameServers: reported(
    ['*.ns.cloudflare.com'],
    'Cloudflare API zone example "bob.ns.cloudflare.com", "lola.ns.cloudflare.com" (cloudflare_sdk docs on pub.dev); developers.cloudflare.com/dns/nameservers/',
    READ,
  ),
  nameField: documented(
    { style: 'relative', apex: '@' },
    'developers.cloudflare.com/dns/concepts (Name "blog" in the zone example.com gives blog.example.com)',
    {
      checked: '2026-11-22',
      note: '"@" for the domain itself: Ansible cloudflare_dns module docs ("Default is @ (e.g. the zone name)"); the research notes mark it as inference.',
    },
  ),
  txt: documented(
    { long: 'paste-whole' },
    'Cloudflare API docs, TXT record content: "Strings exceeding this allowed maximum length are automatically split"; dnscontrol PR #1265',
  ),
  target: unknownFact(
    'Whether the record form needs a trailing dot on targets is not in our notes (zone-file import does need one).',
  ),
  mxPriority: reported(
    'separate-field',
    'Cloudflare API: MX records take a separate priority (Ansible cloudflare_dns module docs: "priority … Required for type=MX")',
    READ,
  ),
  proxy: documented(
    { field: 'Proxy status', mailSetting: 'DNS only', types: ['A', 'AAAA', 'CNAME'] },
    'Cloudflare API docs: "proxied" applies to A, AAAA and CNAME records; developers.cloudflare.com/dns/concepts (Proxy status column)',
    {
      note: 'That mail records must be "DNS only" is our inference: the proxy carries only web traffic, so mail would reach Cloudflare instead of your server.',
    },
  ),
  zoneImport: documented(
    {
      supported: true,
      how: 'DNS → Records → Import and Export. Untick "Proxy imported DNS records".',
      limits: 'At most 256 KiB per file; MX and CNAME targets need a trailing dot in the file.',
    },
    'Cloudflare docs: DNS records import (dashboard and API POST /zones/{zone_id}/dns_records/import)',
  ),
  quirks: [],
};

const namecheap: DnsHost = {
  id: 'namecheap',
  name: 'Namecheap',
  nameServers: documented(
    ['*.registrar-servers.com'],
    'Namecheap Knowledge Base article 767 "How to change DNS for a domain" (BasicDNS: dns1.registrar-servers.com, dns2.registrar-servers.com)',
    READ,
  ),
  nameField: documented(
    { style: 'relative', apex: '@' },
    'Namecheap Knowledge Base: Host "@" stands for yourdomain.com; a DKIM Host is entered as "default._domainkey"',
  ),
  txt: reported(
    { long: 'paste-whole' },
    'spamresource.com (2024, tested by the author): Namecheap splits values over 255 characters silently; Namecheap does not document it',
  ),
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: noImportFact,
  quirks: [],
};

const godaddy: DnsHost = {
  id: 'godaddy',
  name: 'GoDaddy',
  nameServers: reported(
    ['ns*.domaincontrol.com'],
    'grokipedia.com "Default nameservers" (GoDaddy: ns01.domaincontrol.com, ns02.domaincontrol.com)',
    READ,
  ),
  nameField: documented(
    { style: 'relative', apex: '@' },
    'GoDaddy Help "Add a TXT record": Name is the prefix without the domain, "@" for the root',
  ),
  txt: documented(
    { long: 'paste-whole', maxChars: 1024 },
    'GoDaddy Help "Add a TXT record": Value at most 1024 characters, ASCII only',
  ),
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: noImportFact,
  quirks: [
    documented(
      'Do not start or end the Name with a dot. The Name can be at most 255 characters, each part at most 63.',
      'GoDaddy Help "Add a TXT record"',
    ),
  ],
};

const route53: DnsHost = {
  id: 'route53',
  name: 'Amazon Route 53',
  nameServers: reported(
    ['ns-*.awsdns-*.com', 'ns-*.awsdns-*.net', 'ns-*.awsdns-*.org', 'ns-*.awsdns-*.co.uk'],
    'Route 53 API reference, GetHostedZone example: ns-2048.awsdns-64.com, ns-2049.awsdns-65.net, ns-2050.awsdns-66.org, ns-2051.awsdns-67.co.uk (mirror on share.apidog.com)',
    READ,
  ),
  nameField: unknownFact(
    'That the console\'s "Record name" box takes only the prefix and adds the zone is our inference; the API takes the full name.',
  ),
  txt: documented(
    { long: 'pre-split-quoted', quoteAlways: true },
    'AWS Knowledge Center "route53-resolve-dkim-text-record-error"; Terraform aws_route53_record docs',
  ),
  target: noTargetFact,
  mxPriority: reported(
    'in-value',
    'AWS CloudFormation AWS::Route53::RecordSet example: ResourceRecords "10 mail1.example.com" (public gist c3st7n/98905c8912892389f669fa6f1f3914b0)',
    READ,
  ),
  zoneImport: documented(
    {
      supported: true,
      how: 'Hosted zones → your zone → Import zone file.',
      limits:
        'Names must be inside the zone; $ORIGIN and $TTL work, $GENERATE and $INCLUDE fail; SOA and apex NS are ignored; at most 1000 records; the import fails if any record already exists.',
    },
    'Route 53 Developer Guide "Creating records by importing a zone file"',
  ),
  quirks: [],
};

const googleCloudDns: DnsHost = {
  id: 'google-cloud-dns',
  name: 'Google Cloud DNS',
  nameServers: reported(
    ['ns-cloud-*.googledomains.com'],
    'Public DNS-host detection code and zone examples (e.g. ns-cloud-a1.googledomains.com → Google)',
    {
      ...READ,
      note: 'Domains that moved from Google Domains to Squarespace can keep these name servers, so they may also mean Squarespace.',
    },
  ),
  nameField: unknownFact(
    'That the console takes a prefix and shows the zone as a fixed suffix is our inference.',
  ),
  txt: unknownFact(
    'dnscontrol applies no TXT restriction for Google Cloud DNS; whether the console wants one value or quoted pieces is not confirmed.',
  ),
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: unknownFact(
    'Not in our sources; "gcloud dns record-sets import --zone-file-format" is our inference.',
  ),
  quirks: [],
};

const hostinger: DnsHost = {
  id: 'hostinger',
  name: 'Hostinger',
  nameServers: documented(
    ['*.dns-parking.com'],
    'support.hostinger.com/en/articles/8671230 "How to check domain nameservers" (Hostinger name servers look like [example1].dns-parking.com)',
    READ,
  ),
  nameField: documented(
    { style: 'relative', apex: '@' },
    'support.hostinger.com SPF article: "@" for the root domain, the label for a subdomain',
  ),
  txt: noTxtFact,
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: noImportFact,
  quirks: [],
};

const porkbun: DnsHost = {
  id: 'porkbun',
  name: 'Porkbun',
  nameServers: reported(
    ['*.ns.porkbun.com'],
    'Public zone notes and DNS-host detection code (curitiba, fortaleza, maceio, salvador.ns.porkbun.com)',
    READ,
  ),
  nameField: unknownFact(
    "Our notes do not say how Porkbun's Host field is filled in (a blank host for the domain itself is inference).",
  ),
  txt: noTxtFact,
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: noImportFact,
  quirks: [
    {
      ...reported(
        'Porkbun refuses an empty TXT value and a TXT value that ends with a space.',
        'dnscontrol Porkbun provider notes',
      ),
      appliesTo: ['TXT'],
    },
  ],
};

const gandi: DnsHost = {
  id: 'gandi',
  name: 'Gandi (LiveDNS)',
  nameServers: reported(
    ['ns-*.gandi.net'],
    'Public zone listings and Gandi API examples (ns-64-a.gandi.net, ns-90-b.gandi.net, ns-58-c.gandi.net)',
    READ,
  ),
  nameField: documented(
    { style: 'relative', apex: '@' },
    'docs.gandi.net (FR) "Gérer les enregistrements DNS"',
  ),
  txt: noTxtFact,
  target: documented(
    { trailingDot: 'required' },
    'docs.gandi.net (FR) "Gérer les enregistrements DNS": a target without a trailing dot gets the domain appended',
  ),
  mxPriority: noPriorityFact,
  zoneImport: documented(
    {
      supported: true,
      how: 'Switch the records page to the text (zone file) view and paste BIND-style lines.',
    },
    'docs.gandi.net (FR) "Gérer les enregistrements DNS"',
  ),
  quirks: [],
};

const digitalocean: DnsHost = {
  id: 'digitalocean',
  name: 'DigitalOcean DNS',
  nameServers: reported(
    ['ns1.digitalocean.com', 'ns2.digitalocean.com', 'ns3.digitalocean.com'],
    'DigitalOcean Community question "What prevents another user from using my domain name?" (2017): ns{1-3}.digitalocean.com',
    READ,
  ),
  nameField: reported(
    { style: 'relative', apex: '@' },
    'DigitalOcean Terraform provider docs, digitalocean_record: "@" for the apex',
    { note: 'From the API docs; the control panel is assumed to follow them.' },
  ),
  txt: reported(
    { long: 'paste-whole', maxChars: 512, maxCountsQuotes: true },
    'dnscontrol MaxLengthDO and dnscontrol issue #370 (DigitalOcean does not document the limit)',
    {
      note: 'About 512 bytes including quotes: a 2048-bit DKIM key fits, a 4096-bit key does not (our inference).',
    },
  ),
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: reported(
    { supported: false },
    'project-planton.org DigitalOcean DNS zone notes ("no zone import functionality")',
    READ,
  ),
  quirks: [],
};

const hetzner: DnsHost = {
  id: 'hetzner',
  name: 'Hetzner DNS',
  nameServers: reported(
    ['*.ns.hetzner.com', '*.ns.hetzner.de'],
    'Hetzner Cloud DNS API zone answers seen in public code (authoritative name servers hydrogen.ns.hetzner.com, oxygen.ns.hetzner.com, helium.ns.hetzner.de)',
    READ,
  ),
  nameField: unknownFact('A relative name with "@" for the domain is our inference for Hetzner.'),
  txt: unknownFact(
    'The Pulumi hcloud txtRecord() helper splits values into quoted 255-character strings, which suggests the API wants them split (inference).',
  ),
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: reported(
    {
      supported: true,
      how: 'The old DNS Console imports a full BIND file; the new Hetzner Console is not confirmed.',
    },
    'dnscontrol hetzner provider docs',
  ),
  quirks: [
    reported(
      'Hetzner DNS moved from dns.hetzner.com (DNS Console) into Hetzner Console; the two have different forms.',
      'dnscontrol docs (separate "hetzner" and "hetznerv2" providers)',
    ),
  ],
};

const ovh: DnsHost = {
  id: 'ovh',
  name: 'OVHcloud',
  nameServers: reported(
    ['dns*.ovh.net', 'ns*.ovh.net'],
    'Public DNS-host detection code (dns10.ovh.net → OVH)',
    READ,
  ),
  nameField: unknownFact(
    'That the Subdomain field is relative and left empty for the domain itself is our inference.',
  ),
  txt: documented(
    { long: 'text-mode', maxChars: 255 },
    'ovh/docs DNS zone editing guide (2024): "The TXT record is limited to 255 characters … this limit does not exist if you use the \'Modify in text mode\' feature"',
  ),
  target: documented(
    { trailingDot: 'required' },
    'ovh/docs DNS zone editing guide (2024): targets without a trailing dot get the domain appended',
  ),
  mxPriority: noPriorityFact,
  zoneImport: documented(
    { supported: true, how: 'DNS zone tab → "Change in text format", then edit the zone text.' },
    'ovh/docs DNS zone editing guide (2024)',
  ),
  quirks: [],
};

const ionos: DnsHost = {
  id: 'ionos',
  name: 'IONOS',
  nameServers: documented(
    ['ns*.ui-dns.com', 'ns*.ui-dns.de', 'ns*.ui-dns.org', 'ns*.ui-dns.biz'],
    'IONOS Help "Servidores DNS" (ionos.es) and "Name server" (ionos.it): ns1ZZZ.ui-dns.de, .biz, .org, .com',
    READ,
  ),
  nameField: unknownFact(
    'Third-party guides use a relative Host name with "@" for the domain; IONOS\'s own help was not found (inference).',
  ),
  txt: noTxtFact,
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: noImportFact,
  quirks: [],
};

const squarespace: DnsHost = {
  id: 'squarespace',
  name: 'Squarespace Domains',
  nameServers: reported(
    ['*.squarespacedns.com', 'ns-cloud-*.googledomains.com'],
    'Public DNS-host detection code (ns1.squarespacedns.com → Squarespace; a domain registered at Squarespace on Google name servers)',
    {
      ...READ,
      note: 'Domains that moved from Google Domains keep ns-cloud-*.googledomains.com, which Google Cloud DNS also uses.',
    },
  ),
  nameField: documented(
    { style: 'relative', apex: '@' },
    'support.squarespace.com (DE/IT) "Add custom DNS records": the Host field is relative, empty or "@" for the domain',
    { note: '"Squarespace automatically appends your domain name" (Flodesk help).' },
  ),
  txt: noTxtFact,
  target: noTargetFact,
  mxPriority: noPriorityFact,
  zoneImport: noImportFact,
  quirks: [],
};

const other: DnsHost = {
  id: 'other',
  name: 'Another DNS host',
  nameServers: unknownFact('Any DNS host not in the catalogue.'),
  nameField: unknownFact("We do not know this host's form."),
  txt: unknownFact("We do not know this host's form."),
  target: unknownFact("We do not know this host's form."),
  mxPriority: unknownFact("We do not know this host's form."),
  zoneImport: unknownFact("We do not know this host's form."),
  quirks: [],
};

/** Every DNS host of the catalogue, by id. */
export const DNS_HOSTS: Readonly<Record<DnsHostId, DnsHost>> = {
  cloudflare,
  namecheap,
  godaddy,
  route53,
  'google-cloud-dns': googleCloudDns,
  hostinger,
  porkbun,
  gandi,
  digitalocean,
  hetzner,
  ovh,
  ionos,
  squarespace,
  other,
};

/** Whether a string is a catalogue DNS host id. */
export function isDnsHostId(id: string): id is DnsHostId {
  return (DNS_HOST_IDS as readonly string[]).includes(id);
}

/** The catalogue entry for an id; unknown ids get the generic "other" entry. */
export function getDnsHost(id: string | undefined): DnsHost {
  return id !== undefined && isDnsHostId(id) ? DNS_HOSTS[id] : DNS_HOSTS.other;
}
