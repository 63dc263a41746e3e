import type { DnsHostId } from './dns-hosts';
import { documented, reported, unknownFact, type Fact } from './provider-fact';

/**
 * Which DNS hosts take TLSA and CAA records and sign zones with DNSSEC (the "Secure delivery"
 * step). Each fact carries its source and the day it was read; a host nobody could source stays
 * unknown and the step gives the generic advice ("look for DNSSEC in the DNS settings").
 */

/** What the step needs to know about one DNS host. */
export interface DnsHostSecurity {
  /** The host's form accepts TLSA records. */
  tlsa: Fact<boolean>;
  /** The host's form accepts CAA records. */
  caa: Fact<boolean>;
  /** The host can sign the zone; `where` is the switch, and the DS record then goes to the registrar. */
  dnssec: Fact<{ signs: boolean; where?: string }>;
}

const READ = '2026-12-07';
const unknown = (what: string): DnsHostSecurity => ({
  tlsa: unknownFact(`Whether ${what}'s DNS form accepts TLSA records.`),
  caa: unknownFact(`Whether ${what}'s DNS form accepts CAA records.`),
  dnssec: unknownFact(`Whether ${what} signs zones with DNSSEC, and where the switch is.`),
});

const FACTS: Partial<Record<DnsHostId, DnsHostSecurity>> = {
  cloudflare: {
    tlsa: reported(
      true,
      'https://docs.ansible.com/ansible/latest/modules/cloudflare_dns_module.html',
      {
        checked: READ,
        note: 'The Ansible module for the Cloudflare API creates type=TLSA records.',
      },
    ),
    caa: reported(
      true,
      'https://docs.ansible.com/ansible/latest/modules/cloudflare_dns_module.html',
      { checked: READ, note: 'The Ansible module for the Cloudflare API creates CAA records.' },
    ),
    dnssec: documented(
      {
        signs: true,
        where:
          'DNS → Settings → DNSSEC: enable it, then copy the DS record it shows to your registrar',
      },
      'Cloudflare API, "Enable or disable DNSSEC" (official TypeScript library, resources/dns/dnssec.ts); https://developers.cloudflare.com/dns/dnssec/',
      {
        checked: READ,
        note: 'The menu path is how the dashboard names it; the API documents the switch and the DS record.',
      },
    ),
  },
  route53: {
    tlsa: reported(
      true,
      'AWS Route 53 API change "adds support for TLSA, SSHFP, SVCB, and HTTPS record types" (async-aws/aws#1787)',
      { checked: READ },
    ),
    caa: documented(
      true,
      'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html',
      { checked: READ },
    ),
    dnssec: documented(
      {
        signs: true,
        where:
          'Hosted zone → DNSSEC signing → Enable (it needs a KMS key); then add the DS record at your registrar',
      },
      'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html',
      { checked: READ },
    ),
  },
  digitalocean: {
    tlsa: documented(
      false,
      'https://docs.digitalocean.com/products/networking/dns/details/features/',
      {
        checked: READ,
        note: 'The supported records are A, AAAA, CAA, CNAME, MX, NS, PTR, TXT and SRV: no TLSA.',
      },
    ),
    caa: documented(
      true,
      'https://docs.digitalocean.com/products/networking/dns/details/features/',
      { checked: READ },
    ),
    dnssec: unknownFact(
      'Whether DigitalOcean signs zones with DNSSEC: its DNS features page does not say.',
    ),
  },
  'google-cloud-dns': {
    tlsa: unknownFact(
      'Whether Google Cloud DNS accepts TLSA records: the part of its record type list we could read does not say.',
    ),
    caa: documented(true, 'https://cloud.google.com/dns/docs/records-overview', {
      checked: READ,
      note: 'Cloud DNS lists CAA among its supported record types.',
    }),
    dnssec: documented(
      {
        signs: true,
        where:
          'the managed zone\'s DNSSEC setting ("on"; dnssecConfig.state in the API and gcloud), then add the DS record it shows at your registrar',
      },
      'https://cloud.google.com/dns/docs/records-overview; Cloud DNS API, ManagedZoneDnsSecConfig (https://cloud.google.com/nodejs/docs/reference/dns/2.2.4/dns/managedzonednssecconfig)',
      {
        checked: READ,
        note: 'A DS record "does not activate DNSSEC for a delegated zone unless you enable (and activate) DNSSEC for this zone"; the API switch is state "on" / "off". The console\'s wording was not read.',
      },
    ),
  },
  hetzner: {
    tlsa: reported(
      true,
      'Ansible community.dns, hetzner_dns_records inventory (https://docs.ansible.com/ansible/6/collections/community/dns/hetzner_dns_records_inventory.html)',
      { checked: READ, note: 'The Hetzner DNS API client lists TLSA among the record types.' },
    ),
    caa: reported(
      true,
      'Ansible community.dns, hetzner_dns_records inventory (https://docs.ansible.com/ansible/6/collections/community/dns/hetzner_dns_records_inventory.html)',
      { checked: READ, note: 'The Hetzner DNS API client lists CAA among the record types.' },
    ),
    dnssec: unknownFact('Whether Hetzner DNS signs zones with DNSSEC: no source found.'),
  },
  namecheap: {
    tlsa: unknownFact("Whether Namecheap's DNS form accepts TLSA records: no source found."),
    caa: unknownFact("Whether Namecheap's DNS form accepts CAA records: no source found."),
    dnssec: documented(
      { signs: true },
      'https://www.namecheap.com/support/knowledgebase/article.aspx/9718/2232/nameservers-and-tlds-supportedunsupported-by-dnssec/',
      {
        checked: READ,
        note: "On Namecheap's own nameservers, for domains registered with Namecheap: DNSSEC cannot run on its PremiumDNS nameservers for domains registered elsewhere, nor for domains pointed to its Shared or Reseller hosting, and some TLDs do not offer it.",
      },
    ),
  },
  godaddy: {
    tlsa: reported(
      true,
      'GoDaddy CLI, "feat(dns): add HTTPS, SVCB, and TLSA record support" (https://github.com/godaddy/cli/pull/246, September 2026)',
      {
        checked: READ,
        note: "GoDaddy's own command-line tool adds TLSA records through its DNS API.",
      },
    ),
    caa: reported(true, 'GoDaddy CLI (https://github.com/godaddy/cli/pull/246, September 2026)', {
      checked: READ,
      note: "GoDaddy's own command-line tool already handles CAA records.",
    }),
    dnssec: reported(
      { signs: true, where: 'only with Premium DNS, a paid add-on' },
      'Computerworld, "GoDaddy: We\'re ready to secure .com names with DNSSEC" (https://www.computerworld.com/article/2507215/godaddy--we-re-ready-to-secure--com-names-with-dnssec.html)',
      {
        checked: READ,
        note: '"GoDaddy offers DNSSEC as part of its new Premium DNS offering" (2011): old, check the current plans.',
      },
    ),
  },
  ovh: {
    tlsa: unknownFact("Whether OVHcloud's DNS zone accepts TLSA records: no source found."),
    caa: unknownFact("Whether OVHcloud's DNS zone accepts CAA records: no source found."),
    dnssec: documented(
      { signs: true },
      'OVHcloud\'s Pulumi provider, domain.ZoneDNSSec: "Enable / disable DNSSEC on a domain zone" (https://www.pulumi.com/registry/packages/ovh/api-docs/domain/zonednssec)',
      {
        checked: READ,
        note: 'Published by OVHcloud; where the switch is in the Control Panel was not read.',
      },
    ),
  },
};

/** The secure-delivery facts of one DNS host (all unknown for a host not researched). */
export function dnsHostSecurity(id: string | undefined, name = 'your DNS host'): DnsHostSecurity {
  return (id && FACTS[id as DnsHostId]) || unknown(name);
}
