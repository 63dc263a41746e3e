import { describe, expect, it } from 'vitest';
import { parseMailAddress, parseMailtoUri } from '../../../shared/records/mail-address';
import { parseDmarc } from '../../../shared/records/dmarc-parse';
import { validatePlan } from '../../../shared/model/plan-validate';

const base = { domain: 'example.com', mailHost: 'mail.example.com', ipv4: ['203.0.113.10'] };
const planRua = (rua: string) => validatePlan({ ...base, dmarc: { policy: 'none', rua } });
const recordRua = (rua: string) => parseDmarc(`v=DMARC1; p=none; rua=${rua}`);

describe('one mail address parser for the plan and the DMARC record', () => {
  it.each([
    ['mailto:dmarc@xn--e1afmkfd.xn--p1ai', 'mailto:dmarc@xn--e1afmkfd.xn--p1ai'],
    ['mailto:dmarc@пример.рф', 'mailto:dmarc@xn--e1afmkfd.xn--p1ai'],
    ['mailto:d+reports@Example.COM!10m', 'mailto:d+reports@example.com!10m'],
    ['mailto:first.last@reports.example.net', 'mailto:first.last@reports.example.net'],
  ])('accepts %j in the plan and in a published record', (uri, normalised) => {
    const plan = planRua(uri);
    expect(plan.ok, JSON.stringify(plan)).toBe(true);
    expect(plan.ok && plan.plan.dmarc?.rua).toBe(normalised);
    const rec = recordRua(uri);
    expect(rec.problems.filter((p) => p.code === 'bad-uri')).toEqual([]);
    expect(rec.rua[0]?.domain).toBe(
      normalised.replace(/^.*@/, '').replace(/!.*$/, '').toLowerCase(),
    );
  });

  it.each([
    ['mailto:d@-bad..example.com', /two dots in a row|hyphen/],
    ['mailto:d@-bad.example.com', /hyphen/],
    ['mailto:d@example', /needs a dot/],
    ['mailto:@example.com', /nothing before the "@"/],
    ['mailto:a..b@example.com', /never two in a row/],
    ['mailto:d@exa mple.com', /spaces/],
    ['mailto:d@example.com?subject=x', /"\?"/],
    ['mailto:d!x@example.com', /"!" may only start a size limit/],
  ])('refuses %j in the plan and in a published record', (uri, words) => {
    const plan = planRua(uri);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.field).toBe('dmarc.rua');
      expect(plan.message).toMatch(words);
    }
    const rec = recordRua(uri);
    expect(rec.valid).toBe(false);
    expect(rec.problems.find((p) => p.code === 'bad-uri')?.tag).toBe('rua');
  });

  it('refuses a report address that would change the record, naming the field and ";"', () => {
    const r = planRua('mailto:x;p=reject;x@evil.test');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe('dmarc.rua');
      expect(r.message).toMatch(/";" cannot appear in a report address/);
    }
    const ruf = validatePlan({
      ...base,
      dmarc: { policy: 'none', rua: 'mailto:d@example.com', ruf: 'x@evil.test;p=reject' },
    });
    expect(!ruf.ok && ruf.field).toBe('dmarc.ruf');
  });

  it('parses ruf= addresses like rua=, with their domains', () => {
    const r = parseDmarc(
      'v=DMARC1; p=reject; rua=mailto:agg@example.com; ruf=mailto:forensic@reports.example.net!1m,mailto:f2@xn--e1afmkfd.xn--p1ai',
    );
    expect(r.valid).toBe(true);
    expect(r.ruf).toEqual([
      {
        uri: 'mailto:forensic@reports.example.net!1m',
        scheme: 'mailto',
        address: 'forensic@reports.example.net',
        domain: 'reports.example.net',
      },
      {
        uri: 'mailto:f2@xn--e1afmkfd.xn--p1ai',
        scheme: 'mailto',
        address: 'f2@xn--e1afmkfd.xn--p1ai',
        domain: 'xn--e1afmkfd.xn--p1ai',
      },
    ]);
    const bad = parseDmarc('v=DMARC1; p=reject; ruf=mailto:d@-bad..example.com');
    expect(bad.ruf).toEqual([]);
    expect(bad.problems.find((p) => p.code === 'bad-uri')?.tag).toBe('ruf');
  });

  it('gives the Unicode form of a domain for display and the ASCII form for records', () => {
    const a = parseMailAddress('Dmarc@Пример.РФ');
    expect(a).toMatchObject({
      ok: true,
      address: 'Dmarc@xn--e1afmkfd.xn--p1ai',
      unicodeDomain: 'пример.рф',
    });
    expect(parseMailtoUri('MAILTO:d@example.com!5k')).toMatchObject({ ok: true, size: '5k' });
  });
});
