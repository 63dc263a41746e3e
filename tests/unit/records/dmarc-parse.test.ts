import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDmarc } from '../../../shared/records/dmarc-parse';

describe('parseDmarc', () => {
  it('reads a starter record', () => {
    const r = parseDmarc('v=DMARC1; p=none; rua=mailto:dmarc@example.com');
    expect(r.isDmarc).toBe(true);
    expect(r.valid).toBe(true);
    expect(r.policy).toBe('none');
    expect(r.rua).toEqual([
      {
        uri: 'mailto:dmarc@example.com',
        scheme: 'mailto',
        address: 'dmarc@example.com',
        domain: 'example.com',
      },
    ]);
    expect(r.problems.map((p) => p.code)).toEqual(['policy-none']);
  });

  it('reads RFC 9989 tags and several report addresses with size limits', () => {
    const r = parseDmarc(
      'v=DMARC1; p=reject; sp=quarantine; np=reject; psd=n; t=n; adkim=s; aspf=r; fo=1:d; rua=mailto:a@example.com!10m,mailto:b@reports.example.net; ruf=mailto:f@example.com',
    );
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.subdomainPolicy).toBe('quarantine');
    expect(r.nonexistentPolicy).toBe('reject');
    expect(r.adkim).toBe('s');
    expect(r.rua.map((u) => u.domain)).toEqual(['example.com', 'reports.example.net']);
  });

  it.each([
    ['v=DMARC1; p=none; pct=50', 'pct', 't=y'],
    ['v=DMARC1; p=none; rf=afrf', 'rf', 'ignore'],
    ['v=DMARC1; p=none; ri=3600', 'ri', 'once a day'],
  ])('warns that %j uses a removed tag', (text, tag, words) => {
    const r = parseDmarc(text);
    expect(r.valid).toBe(true);
    const p = r.problems.find((x) => x.code === 'removed-tag');
    expect(p?.tag).toBe(tag);
    expect(p?.message).toContain(words);
  });

  it.each([
    ['p=none; v=DMARC1', 'version-not-first'],
    ['v=dmarc1; p=none', 'bad-version'],
    ['v=DMARC1; rua=mailto:d@example.com', 'missing-policy'],
    ['v=DMARC1; p=bob', 'bad-value'],
    ['v=DMARC1; p=none; p=reject', 'duplicate-tag'],
    ['v=DMARC1; p', 'syntax'],
    ['v=DMARC1; p=none; adkim=x', 'bad-value'],
    ['v=DMARC1; p=none; fo=2', 'bad-value'],
    ['v=DMARC1; p=none; t=maybe', 'bad-value'],
    ['v=DMARC1; p=none; rua=dmarc@example.com', 'bad-uri'],
    ['v=DMARC1; p=none; rua=mailto:not-an-address', 'bad-uri'],
  ])('rejects %j (%s)', (text, code) => {
    const r = parseDmarc(text);
    expect(r.valid).toBe(false);
    expect(r.problems.find((p) => p.code === code)?.level).toBe('error');
  });

  it('suggests the mailto: form for a bare address', () => {
    const r = parseDmarc('v=DMARC1; p=none; rua=dmarc@example.com');
    expect(r.problems[0]?.message).toContain('"mailto:dmarc@example.com"');
  });

  it('allows a missing p= below the organizational domain, with a warning', () => {
    const r = parseDmarc('v=DMARC1; rua=mailto:d@example.com', { orgDomain: false });
    expect(r.valid).toBe(true);
    expect(r.problems.find((p) => p.code === 'missing-policy')?.level).toBe('warning');
  });

  it('warns about unknown tags, non-mailto URIs and testing mode', () => {
    const r = parseDmarc(
      'v=DMARC1; p=quarantine; t=y; foo=bar; rua=https://reports.example.com/in',
    );
    expect(r.valid).toBe(true);
    expect(r.testing).toBe(true);
    expect(r.problems.map((p) => p.code).sort()).toEqual(['not-mailto', 'testing', 'unknown-tag']);
  });

  it('says a non-DMARC text is not DMARC', () => {
    const r = parseDmarc('v=spf1 -all');
    expect(r.isDmarc).toBe(false);
    expect(r.problems[0]?.message).toContain('v=DMARC1');
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseDmarc(`v=DMARC1; ${s}`);
        expect(typeof r.valid).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
