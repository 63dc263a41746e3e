import { describe, expect, it } from 'vitest';
import { dnsHostSecurity } from '../../../shared/providers/dns-host-security';
import { DNS_HOSTS } from '../../../shared/providers/dns-hosts';
import { isKnown, type Fact } from '../../../shared/providers/provider-fact';
import { secureRecordNotes } from '../../../shared/providers/secure-record-notes';

// DNSSEC / TLSA / CAA support per DNS host: each fact sourced and dated, unknown stays unknown,
// and the Records cards say what is known about the host in front of the user.

const HOSTS = Object.keys(DNS_HOSTS);

describe('DNS host facts for secure delivery', () => {
  it.each(HOSTS)('%s: every fact has a certainty, a source and a day', (id) => {
    const facts = dnsHostSecurity(id, DNS_HOSTS[id as keyof typeof DNS_HOSTS].name);
    const all: Fact<unknown>[] = [facts.dnssec, facts.tlsa, facts.caa];
    for (const f of all) {
      expect(f.source.trim().length, id).toBeGreaterThan(10);
      expect(f.checked, id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      if (isKnown(f)) expect(f.value, id).toBeDefined();
      else expect(f.note?.length ?? 0, id).toBeGreaterThan(10);
    }
  });

  it('the researched hosts say what their sources say; the rest stays unknown', () => {
    const signs = (id: string) => {
      const f = dnsHostSecurity(id).dnssec;
      return isKnown(f) ? f.value.signs : 'unknown';
    };
    expect(
      Object.fromEntries(
        ['cloudflare', 'route53', 'google-cloud-dns', 'namecheap', 'godaddy', 'ovh'].map((id) => [
          id,
          signs(id),
        ]),
      ),
    ).toEqual({
      cloudflare: true,
      route53: true,
      'google-cloud-dns': true,
      namecheap: true,
      godaddy: true,
      ovh: true,
    });
    expect(signs('hetzner')).toBe('unknown');
    expect(signs('digitalocean')).toBe('unknown');
    expect(signs('other')).toBe('unknown');
    const godaddy = dnsHostSecurity('godaddy').dnssec;
    expect(isKnown(godaddy) && godaddy.value.where).toContain('Premium DNS');
    expect(godaddy.certainty).toBe('reported');
  });

  it('a TLSA card names what is known about the host, and says when it is not known', () => {
    const tlsa = {
      key: 'tlsa',
      name: '_25._tcp.mail.example.com',
      type: 'TLSA' as const,
      value: `3 1 1 ${'ab'.repeat(32)}`,
      ttl: 3600,
      where: 'dns-host' as const,
      why: 'DANE',
      checks: [],
      subject: { kind: 'name' as const },
    };
    expect(secureRecordNotes('digitalocean', 'DigitalOcean', tlsa)[0]).toContain(
      'DigitalOcean does not take TLSA records',
    );
    expect(secureRecordNotes('namecheap', 'Namecheap', tlsa)[0]).toBe(
      'Not known whether Namecheap takes TLSA records: look for TLSA in the record type list.',
    );
    expect(secureRecordNotes('hetzner', 'Hetzner', tlsa)[0]).toMatch(/^If the form has separate/);
  });
});
