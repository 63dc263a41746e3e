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
};

/** The secure-delivery facts of one DNS host (all unknown for a host not researched). */
export function dnsHostSecurity(id: string | undefined, name = 'your DNS host'): DnsHostSecurity {
  return (id && FACTS[id as DnsHostId]) || unknown(name);
}
