import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formLabels } from '../../../shared/providers/dns-host-form-labels';
import {
  formInOwnWords,
  renderForDnsHost,
  type DnsHostForm,
  type DnsHostRendering,
} from '../../../shared/providers/dns-host-render';
import { DNS_HOST_IDS, type DnsHostId } from '../../../shared/providers/dns-hosts';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import { DOMAIN, MAIL_HOST, PLAN_RECORDS, dkimValue } from './plan-records';

function form(rendering: DnsHostRendering): DnsHostForm {
  if (rendering.where !== 'dns-host')
    throw new Error(`expected a DNS-host form for ${rendering.recordKey}`);
  return rendering;
}

function render(key: keyof typeof PLAN_RECORDS, host: DnsHostId): DnsHostForm {
  const record = PLAN_RECORDS[key];
  if (record === undefined) throw new Error(`no record ${key}`);
  return form(renderForDnsHost(record, host, DOMAIN));
}

// Hosts whose Name-field convention is in the catalogue with a source: relative names, "@" apex.
const RELATIVE_AT: DnsHostId[] = [
  'cloudflare',
  'namecheap',
  'godaddy',
  'hostinger',
  'gandi',
  'digitalocean',
  'squarespace',
];
// Hosts whose convention our research did not confirm: generic full names plus the alternative.
const UNCONFIRMED: DnsHostId[] = [
  'route53',
  'google-cloud-dns',
  'porkbun',
  'hetzner',
  'ovh',
  'ionos',
  'other',
];

const RECORD_NAMES: [keyof typeof PLAN_RECORDS, string, string][] = [
  // record, relative name field, full name
  ['a', 'mail', MAIL_HOST],
  ['aaaa', 'mail', MAIL_HOST],
  ['mx', '@', DOMAIN],
  ['spf', '@', DOMAIN],
  ['heloSpf', 'mail', MAIL_HOST],
  ['dkim', 'mail._domainkey', `mail._domainkey.${DOMAIN}`],
  ['dmarc', '_dmarc', `_dmarc.${DOMAIN}`],
];

describe('renderForDnsHost: the Name field, every host and record', () => {
  it('the two tables cover every host in the catalogue', () => {
    expect([...RELATIVE_AT, ...UNCONFIRMED].sort()).toEqual([...DNS_HOST_IDS].sort());
  });

  const relativeCases = RELATIVE_AT.flatMap((host) =>
    RECORD_NAMES.map(([key, relative, full]) => ({ host, key, relative, full })),
  );
  it.each(relativeCases)('$host: $key → Name "$relative"', ({ host, key, relative, full }) => {
    const f = render(key, host);
    expect(f.nameField).toBe(relative);
    expect(f.nameFieldAlternative).toBeUndefined();
    expect(f.fullName).toBe(full);
    expect(f.typeField).toBe(PLAN_RECORDS[key]?.type);
    expect(f.ttlField).toBe('3600');
  });

  const genericCases = UNCONFIRMED.flatMap((host) =>
    RECORD_NAMES.map(([key, relative, full]) => ({ host, key, relative, full })),
  );
  it.each(genericCases)(
    '$host: $key → full name, "$relative" as the alternative',
    ({ host, key, relative, full }) => {
      const f = render(key, host);
      expect(f.nameField).toBe(full);
      expect(f.nameFieldAlternative).toBe(relative);
      expect(f.notes.join(' ')).toContain(`type ${relative === '@' ? '@' : `only ${relative}`}`);
    },
  );

  it('relative names warn about the doubled name mail.example.com.example.com', () => {
    expect(render('a', 'namecheap').notes.join(' ')).toContain('mail.example.com.example.com');
    expect(render('a', 'other').notes.join(' ')).toContain('mail.example.com.example.com');
  });

  it('GoDaddy says not to put a dot at the start or end of the Name', () => {
    expect(render('dkim', 'godaddy').notes.join(' ')).toMatch(
      /Do not start or end the Name with a dot/,
    );
  });

  it('a name outside the zone is given in full and said to belong elsewhere', () => {
    const record: PlannedRecord = {
      ...PLAN_RECORDS.dmarc!,
      key: 'dmarc:report-auth',
      name: 'example.com._report._dmarc.reports.example.net',
      value: 'v=DMARC1',
      txtStrings: ['v=DMARC1'],
    };
    const f = form(renderForDnsHost(record, 'cloudflare', DOMAIN));
    expect(f.nameField).toBe('example.com._report._dmarc.reports.example.net');
    expect(f.notes[0]).toContain('not inside example.com');
  });

  it('any label under the domain comes back as the same full name (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9_]([a-z0-9-]{0,20}[a-z0-9])?$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...RELATIVE_AT),
        (labels, host) => {
          const name = `${labels.join('.')}.${DOMAIN}`;
          const record: PlannedRecord = { ...PLAN_RECORDS.a!, name };
          const f = form(renderForDnsHost(record, host, DOMAIN));
          expect(`${f.nameField}.${DOMAIN}`).toBe(name);
          expect(f.fullName).toBe(name);
        },
      ),
    );
  });

  it('accepts the domain and names with a trailing dot or capitals', () => {
    const record: PlannedRecord = { ...PLAN_RECORDS.a!, name: 'Mail.Example.com.' };
    const f = form(renderForDnsHost(record, 'cloudflare', 'EXAMPLE.com.'));
    expect(f.nameField).toBe('mail');
    expect(f.fullName).toBe(MAIL_HOST);
  });
});

describe('renderForDnsHost: values', () => {
  it('A and AAAA carry the address; Cloudflare says DNS only', () => {
    const a = render('a', 'cloudflare');
    expect(a.valueField).toBe('203.0.113.10');
    expect(a.proxyField).toBe('DNS only');
    expect(a.notes[0]).toMatch(/Proxy status to DNS only \(grey cloud\)/);
    expect(render('aaaa', 'cloudflare').valueField).toBe('2001:db8::10');
    expect(render('aaaa', 'cloudflare').proxyField).toBe('DNS only');
    expect(render('spf', 'cloudflare').proxyField).toBeUndefined();
    expect(render('a', 'namecheap').proxyField).toBeUndefined();
  });

  it('MX: separate Priority box where known, in the value at Route 53, with a fallback elsewhere', () => {
    const cf = render('mx', 'cloudflare');
    expect(cf.valueField).toBe(MAIL_HOST);
    expect(cf.priorityField).toBe('10');

    const r53 = render('mx', 'route53');
    expect(r53.valueField).toBe('10 mail.example.com');
    expect(r53.priorityField).toBeUndefined();

    const nc = render('mx', 'namecheap');
    expect(nc.priorityField).toBe('10');
    expect(nc.notes.join(' ')).toContain(
      'If the form has no Priority box, type 10 mail.example.com',
    );
  });

  it('MX targets keep a trailing dot at Gandi and OVHcloud, which append the domain otherwise', () => {
    for (const host of ['gandi', 'ovh'] as const) {
      const f = render('mx', host);
      expect(f.valueField).toBe('mail.example.com.');
      expect(f.notes.join(' ')).toContain(
        'The value ends with a dot (mail.example.com.): keep it.',
      );
    }
    expect(render('mx', 'godaddy').valueField).toBe(MAIL_HOST);
    expect(render('mx', 'godaddy').notes.join(' ')).toContain('add a dot at the end');
  });

  it('short TXT: the value as is, quoted only at Route 53', () => {
    expect(render('spf', 'cloudflare').valueField).toBe(
      'v=spf1 ip4:203.0.113.10 ip6:2001:db8::10 ~all',
    );
    expect(render('heloSpf', 'godaddy').valueField).toBe('v=spf1 a -all');
    expect(render('dmarc', 'route53').valueField).toBe(
      '"v=DMARC1; p=none; rua=mailto:dmarc@example.com"',
    );
    expect(render('spf', 'route53').notes.join(' ')).toContain('with the quotes');
  });

  it('410-character DKIM at Route 53: two quoted strings of at most 255 in one value', () => {
    const value = PLAN_RECORDS.dkim!.value;
    expect(value.length).toBe(410);
    const f = render('dkim', 'route53');
    expect(f.valueStrings).toEqual([value.slice(0, 255), value.slice(255)]);
    expect(f.valueField).toBe(`"${value.slice(0, 255)}" "${value.slice(255)}"`);
  });

  it('410-character DKIM at hosts that split it themselves: pasted whole', () => {
    for (const host of ['cloudflare', 'namecheap', 'godaddy', 'digitalocean'] as const) {
      const f = render('dkim', host);
      expect(f.valueField).toBe(PLAN_RECORDS.dkim!.value);
      expect(f.notes.join(' ')).not.toMatch(/too long/);
    }
    expect(render('dkim', 'cloudflare').notes.join(' ')).toContain(
      'Paste the whole value in one piece',
    );
  });

  it('410-character DKIM at OVHcloud: the form takes 255, so a text-mode line is given', () => {
    const f = render('dkim', 'ovh');
    const [first, rest] = [
      PLAN_RECORDS.dkim!.value.slice(0, 255),
      PLAN_RECORDS.dkim!.value.slice(255),
    ];
    expect(f.zoneLine).toBe(`mail._domainkey 3600 IN TXT ( "${first}" "${rest}" )`);
    expect(f.notes.join(' ')).toContain('text mode');
    expect(render('spf', 'ovh').zoneLine).toBeUndefined();
  });

  it('410-character DKIM where the TXT rule is unknown: whole value, quoted parts as the fallback', () => {
    for (const host of ['hetzner', 'porkbun', 'other'] as const) {
      const f = render('dkim', host);
      expect(f.valueField).toBe(PLAN_RECORDS.dkim!.value);
      expect(f.valueStrings).toHaveLength(2);
      expect(f.notes.join(' ')).toContain('2 quoted parts');
    }
  });

  it('a 4096-bit DKIM key is too long for DigitalOcean but not for GoDaddy', () => {
    const big = dkimValue(4096);
    const record: PlannedRecord = { ...PLAN_RECORDS.dkim!, value: big, txtStrings: undefined };
    const doForm = form(renderForDnsHost(record, 'digitalocean', DOMAIN));
    expect(doForm.notes.join(' ')).toMatch(/too long for DigitalOcean DNS.*2048-bit/);
    const gd = form(renderForDnsHost(record, 'godaddy', DOMAIN));
    expect(gd.notes.join(' ')).not.toMatch(/too long/);
  });

  it('without txtStrings the value is split into pieces of at most 255 bytes that join back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 900 }), (value) => {
        const record: PlannedRecord = { ...PLAN_RECORDS.dkim!, value, txtStrings: undefined };
        const f = form(renderForDnsHost(record, 'route53', DOMAIN));
        const pieces = f.valueStrings ?? [];
        expect(pieces.join('')).toBe(value);
        for (const p of pieces) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(255);
      }),
    );
  });

  it('Porkbun TXT records carry the trailing-space quirk; A records do not', () => {
    expect(render('spf', 'porkbun').notes.join(' ')).toContain('ends with a space');
    expect(render('a', 'porkbun').notes.join(' ')).not.toContain('ends with a space');
  });

  it('PTR is not typed at the DNS host', () => {
    for (const host of DNS_HOST_IDS) {
      const r = renderForDnsHost(PLAN_RECORDS.ptr!, host, DOMAIN);
      expect(r.where).toBe('vps-host');
      expect(r.notes[0]).toContain('VPS host');
    }
  });

  it('a whole plan renders for every host, in order, and unknown host ids fall back to generic', () => {
    const records = Object.values(PLAN_RECORDS);
    for (const host of DNS_HOST_IDS) {
      const out = records.map((r) => renderForDnsHost(r, host, DOMAIN));
      expect(out.map((r) => r.recordKey)).toEqual(records.map((r) => r.key));
    }
    const unknown = form(renderForDnsHost(PLAN_RECORDS.a!, 'no-such-host', DOMAIN));
    expect(unknown.hostId).toBe('other');
    expect(unknown.nameField).toBe(MAIL_HOST);
  });
});

describe("the form's own words", () => {
  it('Namecheap: "Host" and the "Automatic" TTL, in one line for the card', () => {
    const dmarc = render('dmarc', 'namecheap');
    expect(dmarc.nameLabel).toBe('Host');
    expect(dmarc.ttlChoice).toBe('Automatic');
    expect(formInOwnWords(dmarc, 'Namecheap')).toBe(
      "In Namecheap's form: Host = _dmarc, Type = TXT, TTL = Automatic",
    );
  });

  it('Cloudflare: "Name" and "Auto"; a host without sourced labels keeps the generic words', () => {
    expect(render('spf', 'cloudflare')).toMatchObject({ nameLabel: 'Name', ttlChoice: 'Auto' });
    const other = render('spf', 'hetzner');
    expect(other.nameLabel).toBe('Name');
    expect(other.ttlChoice).toBeUndefined();
    expect(formInOwnWords(other, 'Hetzner')).toBeUndefined();
  });

  it('every known label has a source and a date', () => {
    for (const id of DNS_HOST_IDS) {
      const fact = formLabels(id);
      expect(fact.source, id).not.toBe('');
      expect(fact.checked, id).toMatch(/^\d{4}-\d{2}/);
    }
  });
});
