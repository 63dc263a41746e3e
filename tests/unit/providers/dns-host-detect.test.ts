import { describe, expect, it } from 'vitest';
import { detectDnsHost } from '../../../shared/providers/dns-host-detect';
import { DNS_HOST_IDS, type DnsHostId } from '../../../shared/providers/dns-hosts';
import { matchesNsPattern } from '../../../shared/providers/ns-pattern';

// Real-world NS sets (names as published by each host or seen in public zones).
const VECTORS: [DnsHostId, string[]][] = [
  ['cloudflare', ['lara.ns.cloudflare.com', 'greg.ns.cloudflare.com']],
  ['namecheap', ['dns1.registrar-servers.com.', 'dns2.registrar-servers.com.']],
  ['godaddy', ['ns51.domaincontrol.com', 'ns52.domaincontrol.com']],
  [
    'route53',
    [
      'ns-2048.awsdns-64.com',
      'ns-2049.awsdns-65.net',
      'ns-2050.awsdns-66.org',
      'ns-2051.awsdns-67.co.uk',
    ],
  ],
  ['google-cloud-dns', ['ns-cloud-a1.googledomains.com', 'ns-cloud-a2.googledomains.com']],
  ['hostinger', ['ns1.dns-parking.com', 'ns2.dns-parking.com']],
  [
    'porkbun',
    [
      'curitiba.ns.porkbun.com',
      'fortaleza.ns.porkbun.com',
      'maceio.ns.porkbun.com',
      'salvador.ns.porkbun.com',
    ],
  ],
  ['gandi', ['ns-64-a.gandi.net', 'ns-90-b.gandi.net', 'ns-58-c.gandi.net']],
  ['digitalocean', ['ns1.digitalocean.com', 'ns2.digitalocean.com', 'ns3.digitalocean.com']],
  ['hetzner', ['hydrogen.ns.hetzner.com', 'oxygen.ns.hetzner.com', 'helium.ns.hetzner.de']],
  ['ovh', ['dns10.ovh.net', 'ns10.ovh.net']],
  ['ionos', ['ns1045.ui-dns.com', 'ns1045.ui-dns.org', 'ns1045.ui-dns.de', 'ns1045.ui-dns.biz']],
  ['squarespace', ['ns1.squarespacedns.com', 'ns2.squarespacedns.com']],
];

describe('detectDnsHost', () => {
  it.each(VECTORS)('recognises %s', (id, names) => {
    const found = detectDnsHost(names);
    expect(found?.id).toBe(id);
    expect(found?.matched).toHaveLength(names.length);
    expect(found?.unmatched).toEqual([]);
  });

  it('has a vector for every host except "other"', () => {
    expect(VECTORS.map(([id]) => id).sort()).toEqual(
      DNS_HOST_IDS.filter((id) => id !== 'other').sort(),
    );
  });

  it('ignores case and the trailing dot', () => {
    expect(detectDnsHost(['LARA.NS.CLOUDFLARE.COM.', 'Greg.Ns.Cloudflare.Com'])?.id).toBe(
      'cloudflare',
    );
  });

  it("Google's name servers may also be a domain moved from Google Domains to Squarespace", () => {
    const found = detectDnsHost(['ns-cloud-b1.googledomains.com', 'ns-cloud-b2.googledomains.com']);
    expect(found?.id).toBe('google-cloud-dns');
    expect(found?.alsoPossible).toEqual(['squarespace']);
  });

  it('a zone served by two providers names the majority and lists the rest', () => {
    const found = detectDnsHost([
      'lara.ns.cloudflare.com',
      'greg.ns.cloudflare.com',
      'ns1.example.net',
    ]);
    expect(found?.id).toBe('cloudflare');
    expect(found?.unmatched).toEqual(['ns1.example.net']);
  });

  it('returns null for unknown or no name servers', () => {
    expect(detectDnsHost(['ns1.example.net', 'ns2.example.net'])).toBeNull();
    expect(detectDnsHost([])).toBeNull();
    expect(detectDnsHost(['', '.'])).toBeNull();
  });

  it('is not fooled by look-alike names', () => {
    expect(detectDnsHost(['ns.cloudflare.com.attacker.net'])).toBeNull();
    expect(detectDnsHost(['a.b.ns.cloudflare.com.evil'])).toBeNull();
    expect(detectDnsHost(['ns1.digitalocean.com.evil.org'])).toBeNull();
    expect(detectDnsHost(['ns-1.awsdns-1.com.evil'])).toBeNull();
    expect(detectDnsHost(['fakedomaincontrol.com'])).toBeNull();
  });
});

describe('matchesNsPattern', () => {
  it('a star stands for part of one label, never a dot', () => {
    expect(matchesNsPattern('*.ns.cloudflare.com', 'lara.ns.cloudflare.com')).toBe(true);
    expect(matchesNsPattern('*.ns.cloudflare.com', 'x.lara.ns.cloudflare.com')).toBe(false);
    expect(matchesNsPattern('ns*.domaincontrol.com', 'ns01.domaincontrol.com')).toBe(true);
    expect(matchesNsPattern('ns*.domaincontrol.com', 'ns.domaincontrol.com')).toBe(false);
    expect(matchesNsPattern('ns-*.awsdns-*.co.uk', 'ns-2051.awsdns-67.co.uk')).toBe(true);
  });
});
