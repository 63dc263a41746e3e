import {
  documented,
  reported,
  RESEARCH_NOTES_SOURCE,
  unknownFact,
  type Fact,
  type KnownFact,
} from './provider-fact';

/**
 * The VPS-host catalogue: how each host sets reverse DNS (PTR) and whether it blocks outbound
 * port 25. Facts come from Mailwright's provider research notes (docs/research/providers.md) and the
 * EmailDelivery.com seed document; policies change often, so each carries its source and date.
 *
 * Steps are templates: {mailHost}, {domain} and {ip} are filled in by ptr-request.ts.
 */

/** Catalogue ids of the VPS hosts, in the order the UI lists them. */
export const VPS_HOST_IDS = [
  'digitalocean',
  'hetzner',
  'vultr',
  'linode',
  'ovh',
  'aws-ec2',
  'lightsail',
  'google-cloud',
  'azure',
  'oracle-cloud',
  'scaleway',
  'upcloud',
  'racknerd',
  'contabo',
  'hostinger',
  'ionos',
  'other',
] as const;

/** One VPS host id. */
export type VpsHostId = (typeof VPS_HOST_IDS)[number];

/**
 * self-service: the user sets PTR in the panel, API or CLI.
 * automatic: the host derives it from something else (DigitalOcean: the Droplet's name).
 * ticket: only the host's support can set it; the user sends a request text.
 */
export type PtrMethodKind = 'self-service' | 'automatic' | 'ticket';

/** How reverse DNS is set at a host. */
export interface PtrMethod {
  kind: PtrMethodKind;
  /** Plain steps, in order; may contain {mailHost}, {domain}, {ip}. */
  steps: string[];
  /** The API or command-line way, for people who prefer it. */
  api?: string;
  /** The port 25 unblock request also sets reverse DNS (one request for both). */
  withPort25Request?: boolean;
}

/** Outbound port 25 policies. */
export const PORT25_POLICIES = [
  'open',
  'blocked-unblock-on-request',
  'blocked-no-exceptions',
  'reactive',
  'unknown',
] as const;

/**
 * open: not blocked. blocked-unblock-on-request: blocked until the host agrees to open it.
 * blocked-no-exceptions: blocked, and the host does not open it. reactive: open, but the host
 * blocks an IP when it sees spam. unknown: not found.
 */
export type Port25PolicyKind = (typeof PORT25_POLICIES)[number];

/** A different policy for some kinds of account. */
export interface Port25Variant {
  /** Which accounts, in plain words. */
  applies: string;
  policy: Port25PolicyKind;
  note?: string;
}

/** A host's outbound port 25 policy and how to get it opened. */
export interface Port25Policy {
  policy: Exclude<Port25PolicyKind, 'unknown'>;
  /** Where the request goes, e.g. "a Support ticket in Cloud Manager". */
  requestChannel?: string;
  /** What the host asks for before it opens the port. */
  conditions?: string[];
  /** The unblock route, in order. */
  unblockSteps?: string[];
  /** Other mail ports, e.g. "465 is blocked too; 587 is open". */
  ports?: string;
  /** Account types with a different policy. */
  variants?: Port25Variant[];
}

/** One VPS host of the catalogue. */
export interface VpsHost {
  id: VpsHostId;
  /** The name users know it by. */
  name: string;
  ptr: Fact<PtrMethod>;
  /** What must be true before PTR can be set (plain sentences; may contain placeholders). */
  ptrPrerequisites: Fact<string[]>;
  /** What is different for IPv6 reverse DNS. */
  ipv6: Fact<string>;
  port25: Fact<Port25Policy>;
  /** Other facts worth showing (sending limits, product differences). */
  notes: KnownFact<string>[];
}

const noPtr = unknownFact('Our research did not find how this host sets reverse DNS.');
const noPrereq = unknownFact(
  'Our research did not find whether this host checks the A record before setting reverse DNS.',
);
const noIpv6 = unknownFact('Our research did not find how this host handles IPv6 reverse DNS.');
const noPort25 = unknownFact(
  'Our research did not find whether this host blocks outbound port 25.',
);

const digitalocean: VpsHost = {
  id: 'digitalocean',
  name: 'DigitalOcean',
  ptr: documented(
    {
      kind: 'automatic',
      steps: [
        'Open the Droplet in the DigitalOcean control panel.',
        'Rename the Droplet to exactly {mailHost}.',
        'DigitalOcean then creates the reverse DNS (PTR) record for the Droplet itself. There is no separate PTR setting.',
      ],
    },
    'docs.digitalocean.com/glossary/ptr-record/ ("We automatically create PTR records for Droplets if the name you give it is a valid FQDN")',
    { note: 'Rename steps: serverpilot.io/docs/guides/email/reverse-dns.' },
  ),
  ptrPrerequisites: documented(
    ['The Droplet name must be a full host name, such as {mailHost}.'],
    'docs.digitalocean.com/glossary/ptr-record/',
  ),
  ipv6: documented(
    'Only the first IPv6 address of a Droplet gets a PTR record.',
    'docs.digitalocean.com/glossary/ptr-record/',
  ),
  port25: documented(
    {
      policy: 'blocked-no-exceptions',
      variants: [
        {
          applies: 'Some older accounts',
          policy: 'open',
          note: 'DigitalOcean says SMTP "may be available" on older accounts but strongly recommends against running your own mail server.',
        },
      ],
    },
    'docs.digitalocean.com/support/why-is-smtp-blocked/ ("SMTP port 25 is blocked on all Droplets for new accounts")',
    {
      note: 'No unblock procedure is documented; support replies quoted in public issues say DigitalOcean will not lift it (reported).',
    },
  ),
  notes: [],
};

const hetzner: VpsHost = {
  id: 'hetzner',
  name: 'Hetzner Cloud',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'Open the server in Hetzner Console.',
        'Find its IP addresses (Networking) and edit the reverse DNS of {ip}.',
        'Enter {mailHost} and save.',
      ],
      api: 'Hetzner Cloud API or the hcloud command-line tool (reverse DNS of a server, primary IP or floating IP)',
    },
    'Hetzner Cloud API / hcloud docs (hetzner.hcloud.rdns Ansible module: "Omit dns_ptr to reset the reverse DNS entry to the default value")',
    { note: 'The setting is documented; the exact Console menu path is our inference.' },
  ),
  ptrPrerequisites: noPrereq,
  ipv6: noIpv6,
  port25: documented(
    {
      policy: 'blocked-unblock-on-request',
      requestChannel: 'a limit request in Hetzner Console',
      conditions: [
        'You have been a Hetzner customer for a month and paid your first invoice.',
        'You have a valid use case; Hetzner decides case by case.',
      ],
      unblockSteps: [
        'Wait until your account is a month old and the first invoice is paid.',
        'In Hetzner Console, create a limit request to unblock ports 25 and 465, and paste the request below.',
      ],
      ports: 'Ports 25 and 465 are blocked on all cloud servers by default; 587 is not blocked.',
    },
    'Hetzner Cloud FAQ "Why can I not send any mails from my server?" (quoted in LukeSmithxyz/emailwiz#317, 2024, and hetzneronline/community-content#1041, 2025)',
  ),
  notes: [],
};

const vultr: VpsHost = {
  id: 'vultr',
  name: 'Vultr',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'Open the instance in the Vultr customer portal.',
        'In its IPv4 (and IPv6) settings, set the reverse DNS of {ip} to {mailHost}.',
        'Save. Vultr says the change can take 6 to 12 hours to become active.',
      ],
      api: 'vultr-cli instance reverse-dns set-ipv4 / set-ipv6, or the Vultr API',
    },
    'docs.vultr.com reference/vultr-cli/instance/reverse-dns; Vultr Terraform reverse_ipv4 docs ("DNS changes may take 6-12 hours to become active")',
    { note: 'The portal wording is our inference; the setting is documented.' },
  ),
  ptrPrerequisites: noPrereq,
  ipv6: documented(
    'IPv6 reverse DNS is set per address, like IPv4 (vultr-cli set-ipv6).',
    'docs.vultr.com reference/vultr-cli/instance/reverse-dns',
  ),
  port25: reported(
    {
      policy: 'blocked-unblock-on-request',
      requestChannel: 'a support ticket (some users report a dedicated SMTP unblock form)',
      conditions: ['Reported: new accounts may have to wait about a month before asking.'],
      unblockSteps: [
        'Open a support ticket asking to unblock port 25, and paste the request below.',
      ],
    },
    'LukeSmithxyz/emailwiz#172 (2021, 2022), #193, #313 (2024); forwardemail/awesome-mail-server-providers PR #5 (2026)',
    {
      note: 'No official Vultr page was found. Some users got port 25 opened, others were refused: it is not guaranteed.',
    },
  ),
  notes: [],
};

const linode: VpsHost = {
  id: 'linode',
  name: 'Linode (Akamai Cloud)',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'In Akamai Cloud Manager, open the Linode and go to its Network tab.',
        'Next to {ip}, choose Edit RDNS.',
        'Enter {mailHost} and save.',
      ],
      api: 'Linode API "Update an IP address\'s RDNS for a Linode" (null resets it to the default ip.linodeusercontent.com name)',
    },
    "techdocs.akamai.com/linode-api (Update an IP address's RDNS); research notes (Linode → Network → IP → Edit RDNS)",
  ),
  ptrPrerequisites: documented(
    [
      'The A record (AAAA for IPv6) of {mailHost} must already point to {ip} and resolve: Linode checks it when you save.',
    ],
    'Pulumi/Terraform linode_rdns docs ("Linode RDNS names must have a matching address value in an A or AAAA record … resolvable at the time the RDNS resource is being associated")',
  ),
  ipv6: documented(
    'IPv6 reverse DNS is set the same way, and needs a matching AAAA record.',
    'techdocs.akamai.com/linode-api',
  ),
  port25: documented(
    {
      policy: 'blocked-unblock-on-request',
      requestChannel: 'a Support ticket in Cloud Manager',
      conditions: ['Valid A records and reverse DNS for the Linodes that will send mail.'],
      unblockSteps: [
        'Publish the A record for {mailHost} and set its reverse DNS first.',
        'Open a Support ticket with the information from Linode\'s "Running a Mail Server" guide, and paste the request below.',
      ],
      ports: 'New accounts have outbound ports 25, 465 and 587 restricted.',
    },
    'Linode blog "A New Policy to Help Fight Spam" (2019-11-05)',
  ),
  notes: [],
};

const ovh: VpsHost = {
  id: 'ovh',
  name: 'OVHcloud',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'In the OVHcloud Control Panel, go to Bare Metal Cloud, then IP.',
        'Click the "…" button next to {ip} and choose "Modify the reverse path".',
        'Enter {mailHost} and confirm.',
      ],
      api: 'OVHcloud API: POST /ip/<ip-block>/reverse',
    },
    'ovh/docs pages/cloud/vps/configuring-reverse-dns/guide.en-gb.md (2023)',
  ),
  ptrPrerequisites: documented(
    [
      'The A record of {mailHost} must point to the server first.',
      'If the change is refused, check the A record: it can take up to 24 hours to be accepted.',
    ],
    'ovh/docs pages/cloud/vps/configuring-reverse-dns/guide.en-gb.md (2023)',
  ),
  ipv6: noIpv6,
  port25: unknownFact(
    'Whether OVHcloud blocks port 25 by default varies by product and region: a 2026 report says it is blocked by default (forwardemail/awesome-mail-server-providers#7, 2026-06; ovh/ovhcloud-docs PR #593, 2026-08), older OVH docs say it is blocked only when spam is detected. Ask OVHcloud.',
    `${RESEARCH_NOTES_SOURCE}; docs.ovh.com "AntiSpam - Best Practices and Unblocking an IP" (2022)`,
  ),
  notes: [
    documented(
      "OVHcloud's anti-spam system blocks port 25 of an IP, at the network level, when it detects spam; it cannot be whitelisted.",
      'docs.ovh.com "AntiSpam - Best Practices and Unblocking an IP" (2022)',
    ),
    reported(
      'Public Cloud Local Zone instances cannot use port 25.',
      'ovh/infrastructure-roadmap#421',
    ),
  ],
};

const awsEc2: VpsHost = {
  id: 'aws-ec2',
  name: 'Amazon EC2',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'Use an Elastic IP: the normal, changing public IP of an instance cannot have its own reverse DNS.',
        'In the EC2 console, open Elastic IPs and select {ip}.',
        'Choose Update reverse DNS, enter {mailHost}, and save.',
      ],
      api: 'aws ec2 modify-address-attribute --allocation-id <allocation-id> --domain-name {mailHost}',
    },
    'Amazon EC2 docs: Elastic IPs → Update reverse DNS; API ModifyAddressAttribute --domain-name ("For requirements, see Using reverse DNS for email applications")',
    {
      note: 'The older way, still referenced, is to ask for reverse DNS in the "Request to remove email sending limitations" form.',
    },
  ),
  ptrPrerequisites: reported(
    [
      '{ip} must be an Elastic IP.',
      'The A record of {mailHost} must point to {ip} before you set reverse DNS.',
    ],
    'Pulumi/Terraform aws_eip_domain_name example (creates the A record first); spfbl.net/en/aws (no custom PTR for non-Elastic IPs)',
    { note: "AWS's exact wording was not retrieved; treat the A record as required." },
  ),
  ipv6: noIpv6,
  port25: documented(
    {
      policy: 'blocked-unblock-on-request',
      requestChannel: 'the "Request to remove email sending limitations" form (AWS Support)',
      unblockSteps: [
        'Sign in to your AWS account and open the "Request to remove email sending limitations" form.',
        "Fill it in using the request below, then follow AWS Support's reply.",
      ],
    },
    'AWS Knowledge Center "How do I remove the restriction on port 25 from my Amazon EC2 instance or Lambda function?"',
  ),
  notes: [],
};

const lightsail: VpsHost = {
  id: 'lightsail',
  name: 'Amazon Lightsail',
  ptr: documented(
    {
      kind: 'ticket',
      steps: [
        'Create a static IP in Lightsail and attach it to the instance: the default public IP cannot get reverse DNS.',
        'Publish the A record of {mailHost} pointing to the static IP.',
        'Ask AWS Support to remove the outbound email limits for the instance. The same request sets reverse DNS: paste the request below.',
      ],
      withPort25Request: true,
    },
    'docs.aws.amazon.com Lightsail "Configure reverse DNS to prevent email spam for your Lightsail instance"',
  ),
  ptrPrerequisites: documented(
    [
      'A static IP attached to the instance.',
      'An A record of {mailHost} pointing to the static IP.',
    ],
    'docs.aws.amazon.com Lightsail "Configure reverse DNS to prevent email spam for your Lightsail instance"',
  ),
  ipv6: noIpv6,
  port25: documented(
    {
      policy: 'blocked-unblock-on-request',
      requestChannel:
        'AWS Support: the request to remove outbound email limits (it also sets reverse DNS)',
      unblockSteps: [
        'Attach a static IP and publish the A record first.',
        'Submit the request to AWS Support to remove the outbound email limits.',
      ],
    },
    'docs.aws.amazon.com Lightsail "Configure reverse DNS to prevent email spam for your Lightsail instance"',
  ),
  notes: [],
};

const googleCloud: VpsHost = {
  id: 'google-cloud',
  name: 'Google Cloud (Compute Engine)',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'In the Google Cloud console, edit the VM instance.',
        'Under its primary network interface, open the external IP settings and turn on the public DNS PTR record.',
        'Enter {mailHost} and save.',
      ],
      api: 'gcloud compute instances update-access-config <vm-name> --public-ptr --public-ptr-domain={mailHost}.',
    },
    'cloud.google.com/compute/docs/instances/create-ptr-record ("Create a PTR record for a VM instance")',
    {
      note: 'The console wording is our inference; the fields setPublicPtr and publicPtrDomainName are documented.',
    },
  ),
  ptrPrerequisites: unknownFact(
    'Google may ask you to prove you own the domain (Search Console); our notes could not confirm it.',
  ),
  ipv6: documented(
    'IPv6 PTR records work only on dual-stack subnets with an external IPv6 range.',
    'cloud.google.com/compute/docs/instances/create-ptr-record',
  ),
  port25: documented(
    {
      policy: 'blocked-no-exceptions',
      ports: 'Outbound TCP 25 to outside addresses is blocked; 465 and 587 are open.',
    },
    'cloud.google.com/compute/docs/tutorials/sending-mail',
    { note: 'Some sources mention exceptions for organisations; unverified, so treat it as no.' },
  ),
  notes: [
    documented(
      "Reverse DNS works only for the VM's primary network interface, not for load balancers, Cloud NAT or other addresses.",
      'cloud.google.com/compute/docs/instances/create-ptr-record',
    ),
  ],
};

const azure: VpsHost = {
  id: 'azure',
  name: 'Microsoft Azure',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'Reverse DNS cannot be set in the Azure portal: use Azure CLI (or PowerShell).',
        'Run this command; the dot right after the host name is needed: az network public-ip update --resource-group <resource-group> --name <public-ip-name> --reverse-fqdn {mailHost}.',
        'If the IP has no DNS name label yet, add --dns-name <label> to the same command.',
      ],
      api: 'az network public-ip update --reverse-fqdn, or Set-AzPublicIpAddress with ReverseFqdn',
    },
    'MicrosoftDocs/azure-docs articles/dns/dns-reverse-dns-for-azure-services.md',
  ),
  ptrPrerequisites: documented(
    [
      "{mailHost} must already resolve to {ip}: an A record to the IP (or a CNAME to the IP's *.cloudapp.azure.com name). Azure checks this.",
      'One PTR per IP; it is free.',
    ],
    'MicrosoftDocs/azure-docs articles/dns/dns-reverse-dns-for-azure-services.md',
  ),
  ipv6: documented(
    'Azure sets reverse DNS for public IPv4 addresses only.',
    'MicrosoftDocs/azure-docs articles/dns/dns-reverse-dns-for-azure-services.md',
  ),
  port25: documented(
    {
      policy: 'blocked-no-exceptions',
      variants: [
        { applies: 'Enterprise Agreement subscriptions', policy: 'open' },
        {
          applies: 'Enterprise Dev/Test subscriptions',
          policy: 'blocked-unblock-on-request',
          note: 'Exempt yourself: the virtual network → Diagnose and solve problems → "Cannot send email (SMTP-Port 25)", then stop and start the VMs.',
        },
      ],
    },
    'MicrosoftDocs/azure-docs articles/virtual-network/troubleshoot-outbound-smtp-connectivity.md (newer version)',
    {
      note: 'For "all other subscription types" port 25 is blocked with no exemption, and Microsoft suggests an authenticated SMTP relay. An older (2021) version allowed pay-as-you-go requests; azure-docs#89356 (2022) says only EA and field-led MCA can be unblocked.',
    },
  ),
  notes: [],
};

const oracleCloud: VpsHost = {
  id: 'oracle-cloud',
  name: 'Oracle Cloud (OCI)',
  ptr: noPtr,
  ptrPrerequisites: noPrereq,
  ipv6: noIpv6,
  port25: reported(
    {
      policy: 'blocked-no-exceptions',
      variants: [
        {
          applies: 'Paid accounts',
          policy: 'unknown',
          note: 'Not known; a service request may work (our inference).',
        },
      ],
    },
    'Oracle Support Doc 2787393.1 (cited in spantaleev/matrix-docker-ansible-deploy#2747 and jeboehm/docker-mailserver#203); refusals reported in postal#2164 and anonaddy#342',
    {
      note: 'Applies to free-tier accounts created after 2021-06-25; users report support refusing to open it.',
    },
  ),
  notes: [],
};

const scaleway: VpsHost = {
  id: 'scaleway',
  name: 'Scaleway',
  ptr: reported(
    {
      kind: 'self-service',
      steps: [
        'In the Scaleway console, open the flexible IP {ip}.',
        'Set its reverse DNS to {mailHost} and save.',
      ],
      api: 'Scaleway IPAM API',
    },
    'Third-party provider dataset citing scaleway.com/en/docs/instances/how-to/configure-reverse-dns/',
  ),
  ptrPrerequisites: noPrereq,
  ipv6: reported(
    'Reverse DNS is set the same way for flexible IPv6 addresses.',
    'Third-party provider dataset citing scaleway.com/en/docs/instances/how-to/configure-reverse-dns/',
  ),
  port25: reported(
    {
      policy: 'blocked-unblock-on-request',
      requestChannel: 'the Scaleway console, after identity verification',
      conditions: ['Identity verification (KYC) of your account.'],
      unblockSteps: [
        'Verify your identity in the Scaleway console.',
        'Then open the SMTP ports in the console; it applies to all your instances.',
      ],
    },
    'Third-party provider dataset citing scaleway.com/en/docs/instances/how-to/send-emails-from-your-instance/; LukeSmithxyz/emailwiz#193',
  ),
  notes: [],
};

const upcloud: VpsHost = {
  id: 'upcloud',
  name: 'UpCloud',
  ptr: noPtr,
  ptrPrerequisites: noPrereq,
  ipv6: noIpv6,
  port25: documented(
    {
      policy: 'blocked-unblock-on-request',
      requestChannel: 'UpCloud support',
      conditions: ['Proof of identity or of a payment method.', 'An explanation of your use case.'],
      unblockSteps: ['Contact UpCloud support and paste the request below.'],
      ports: 'Free trial accounts can use only web ports.',
    },
    'upcloud.com/docs/products/networking/features/firewall/',
  ),
  notes: [],
};

const racknerd: VpsHost = {
  id: 'racknerd',
  name: 'RackNerd',
  ptr: reported(
    {
      kind: 'ticket',
      steps: ['Open a support ticket with RackNerd and paste the request below.'],
    },
    'EmailDelivery.com documentation "PTR Records and Reverse DNS" ("it can only be done by opening a ticket. This is the case with Racknerd")',
  ),
  ptrPrerequisites: noPrereq,
  ipv6: noIpv6,
  port25: noPort25,
  notes: [],
};

const contabo: VpsHost = {
  id: 'contabo',
  name: 'Contabo',
  ptr: noPtr,
  ptrPrerequisites: noPrereq,
  ipv6: noIpv6,
  port25: noPort25,
  notes: [],
};

const hostinger: VpsHost = {
  id: 'hostinger',
  name: 'Hostinger VPS',
  ptr: unknownFact(
    'Hostinger recommends setting a PTR record for VPS mail, but where to set it was not found (hPanel → VPS → Settings is a guess).',
  ),
  ptrPrerequisites: noPrereq,
  ipv6: noIpv6,
  port25: noPort25,
  notes: [
    documented(
      'Hostinger limits VPS mail to five emails per minute.',
      'support.hostinger.com "What to Do if the VPS IP Is Blacklisted"',
    ),
  ],
};

const ionos: VpsHost = {
  id: 'ionos',
  name: 'IONOS',
  ptr: documented(
    {
      kind: 'self-service',
      steps: [
        'IONOS Cloud (Data Center Designer): reserve the IP address, then create a reverse DNS record for {ip} in Cloud DNS with the name {mailHost}.',
      ],
      api: 'IONOS Cloud DNS API (reverse records)',
    },
    'docs.ionos.com cloud/network-services/cloud-dns (reverse DNS how-to)',
    {
      note: 'This is IONOS Cloud. For the IONOS VPS product the PTR setting is unknown: ask IONOS support.',
    },
  ),
  ptrPrerequisites: documented(
    [
      'Create the A record of {mailHost} before the reverse DNS record.',
      'Only reserved IPv4 addresses and data-center IPv6 addresses can have reverse DNS.',
    ],
    'docs.ionos.com cloud/network-services/cloud-dns (reverse DNS how-to)',
  ),
  ipv6: documented(
    'IPv6 reverse DNS works for data-center (VDC) IPv6 addresses.',
    'docs.ionos.com cloud/network-services/cloud-dns (reverse DNS how-to)',
  ),
  port25: noPort25,
  notes: [],
};

const other: VpsHost = {
  id: 'other',
  name: 'Another VPS host',
  ptr: unknownFact("We do not know this host's reverse DNS procedure."),
  ptrPrerequisites: unknownFact("We do not know this host's requirements."),
  ipv6: unknownFact("We do not know this host's IPv6 handling."),
  port25: unknownFact("We do not know this host's port 25 policy."),
  notes: [],
};

/** Every VPS host of the catalogue, by id. */
export const VPS_HOSTS: Readonly<Record<VpsHostId, VpsHost>> = {
  digitalocean,
  hetzner,
  vultr,
  linode,
  ovh,
  'aws-ec2': awsEc2,
  lightsail,
  'google-cloud': googleCloud,
  azure,
  'oracle-cloud': oracleCloud,
  scaleway,
  upcloud,
  racknerd,
  contabo,
  hostinger,
  ionos,
  other,
};

/** Whether a string is a catalogue VPS host id. */
export function isVpsHostId(id: string): id is VpsHostId {
  return (VPS_HOST_IDS as readonly string[]).includes(id);
}

/** The catalogue entry for an id; unknown ids get the generic "other" entry. */
export function getVpsHost(id: string | undefined): VpsHost {
  return id !== undefined && isVpsHostId(id) ? VPS_HOSTS[id] : VPS_HOSTS.other;
}

/** A host's port 25 policy in one word ('unknown' when the research found nothing). */
export function port25PolicyOf(host: VpsHost): Port25PolicyKind {
  return host.port25.certainty === 'unknown' ? 'unknown' : host.port25.value.policy;
}
