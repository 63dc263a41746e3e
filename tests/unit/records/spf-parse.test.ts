import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSpf } from '../../../shared/records/spf-parse';

const codes = (text: string) => parseSpf(text).problems.map((p) => p.code);

describe('parseSpf', () => {
  it('reads a typical record', () => {
    const r = parseSpf('v=spf1 ip4:203.0.113.10 ip6:2001:db8::10 include:_spf.google.com ~all');
    expect(r.isSpf).toBe(true);
    expect(r.valid).toBe(true);
    expect(r.ip4).toEqual(['203.0.113.10']);
    expect(r.ip6).toEqual(['2001:db8::10']);
    expect(r.includes).toEqual(['_spf.google.com']);
    expect(r.all?.qualifier).toBe('~');
    expect(r.lookupCount).toBe(1);
    expect(r.problems).toEqual([]);
  });

  it('counts every DNS-querying term and lists void-lookup candidates', () => {
    const r = parseSpf(
      'v=spf1 a mx:example.com/24 ptr exists:%{i}.bl.example.com include:a.example include:b.example ip4:192.0.2.0/24 redirect=_spf.example.com',
    );
    expect(r.lookupCount).toBe(7);
    expect(r.lookupTerms.map((t) => t.text)).toEqual([
      'a',
      'mx:example.com/24',
      'ptr',
      'exists:%{i}.bl.example.com',
      'include:a.example',
      'include:b.example',
      'redirect=_spf.example.com',
    ]);
    // The exists: target has a macro, so it cannot be resolved ahead of time.
    expect(r.voidCandidates.map((t) => t.text)).not.toContain('exists:%{i}.bl.example.com');
    expect(r.voidCandidates).toHaveLength(6);
    expect(r.hasMacros).toBe(true);
  });

  it('fails records with more than 10 lookups, saying what to do', () => {
    const includes = Array.from({ length: 11 }, (_, i) => `include:s${i}.example.com`).join(' ');
    const r = parseSpf(`v=spf1 ${includes} -all`);
    expect(r.lookupCount).toBe(11);
    const p = r.problems.find((x) => x.code === 'too-many-lookups');
    expect(p?.level).toBe('error');
    expect(p?.message).toContain('at most 10');
    expect(r.valid).toBe(true); // the syntax itself is fine
  });

  it('does not count a redirect that an all makes ineffective', () => {
    const r = parseSpf('v=spf1 mx redirect=_spf.example.com -all');
    expect(r.lookupCount).toBe(1);
    expect(codes(r.text)).toContain('redirect-ignored');
  });

  it.each([
    ['v=spf1 +all', 'plus-all'],
    ['v=spf1 ?all', 'neutral-all'],
    ['v=spf1 ip4:192.0.2.1', 'no-all'],
    ['v=spf1 -all ~all', 'multiple-all'],
    ['v=spf1 ~all ip4:192.0.2.1', 'after-all'],
    ['v=spf1 ptr -all', 'ptr'],
    ['v=spf1 ip4:0.0.0.0/0 -all', 'allow-everyone'],
    ['v=spf1 foo=bar -all', 'unknown-modifier'],
    ['v=spf1 a a -all', 'duplicate-term'],
  ])('warns about %j (%s)', (text, code) => {
    const r = parseSpf(text);
    expect(r.valid).toBe(true);
    expect(r.problems.find((p) => p.code === code)?.level).toBe('warning');
  });

  it.each([
    ['v=spf1 ipv4:192.0.2.1 -all', 'unknown-mechanism', 'Did you mean "ip4:192.0.2.1"?'],
    ['v=spf1 ip4:192.0.2 -all', 'bad-ip4', 'four numbers'],
    ['v=spf1 ip4:010.0.2.1 -all', 'bad-ip4', 'four numbers'],
    ['v=spf1 ip4:192.0.2.1/33 -all', 'bad-cidr', '0 to 32'],
    ['v=spf1 ip6:2001:db8::zz -all', 'bad-ip6', 'not an IPv6'],
    ['v=spf1 ip6:2001:db8::/129 -all', 'bad-cidr', '0 to 128'],
    ['v=spf1 a/024 -all', 'bad-cidr', '0 to 32'],
    ['v=spf1 include -all', 'bad-argument', 'needs a domain'],
    ['v=spf1 include:com -all', 'bad-domain', 'with a dot'],
    ['v=spf1 include:example.123 -all', 'bad-domain', 'domain ending'],
    ['v=spf1 all:foo -all', 'bad-argument', 'takes nothing'],
    ['v=spf1 exists:%{x}.example.com -all', 'bad-macro', 'unknown macro letter'],
    ['v=spf1 exists:%{c}.example.com -all', 'bad-macro', 'only allowed in explanation'],
    ['v=spf1 exists:%{d.example.com -all', 'bad-macro', 'closing'],
    ['v=spf1 a:50%.example.com -all', 'bad-macro', '%%'],
    ['v=spf1 redirect=a.example.com redirect=b.example.com', 'duplicate-modifier', 'only once'],
    ['v=spf1 ip4:192.0.2.1\t-all', 'tab', 'plain spaces'],
    ['v=spf1 ip4:192.0.2.1 \u2013all', 'non-ascii', 'plain characters'],
  ])('rejects %j (%s)', (text, code, words) => {
    const r = parseSpf(text);
    expect(r.valid).toBe(false);
    const p = r.problems.find((x) => x.code === code);
    expect(p?.level).toBe('error');
    expect(p?.message).toContain(words);
  });

  it('accepts the grammar corners RFC 7208 allows', () => {
    for (const text of [
      'v=spf1',
      'V=SPF1 -ALL',
      'v=spf1  a   -all  ',
      'v=spf1 a:example.com/24//64 mx//64 -all',
      'v=spf1 exists:%{ir}.%{v}._spf.%{d2} -all',
      'v=spf1 include:example.com. -all',
      'v=spf1 ip6:::ffff:192.0.2.1 -all',
      'v=spf1 -all exp=explain._spf.%{d}',
      'v=spf1 a:%{d} -all',
    ]) {
      expect(parseSpf(text).valid, text).toBe(true);
    }
  });

  it('explains records that are not SPF', () => {
    expect(parseSpf('google-site-verification=abc').isSpf).toBe(false);
    expect(parseSpf(' v=spf1 -all').problems[0]?.code).toBe('leading-space');
    expect(parseSpf('v=spf10 -all').problems[0]?.message).toContain('followed by a space');
    expect(parseSpf('spf2.0/pra -all').problems[0]?.message).toContain('Sender ID');
  });

  it('never throws, and every problem has a sentence (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseSpf(`v=spf1 ${s}`);
        for (const p of r.problems) expect(p.message.length).toBeGreaterThan(10);
        // A term costs at most one lookup (RFC 7208 §4.6.4), so the count can never pass the terms.
        expect(Number.isInteger(r.lookupCount)).toBe(true);
        expect(r.lookupCount).toBeLessThanOrEqual(s.split(' ').length);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any record built from valid terms (property)', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const term = fc.oneof(
      fc.tuple(octet, octet, octet, octet).map((o) => `ip4:${o.join('.')}`),
      fc.constantFrom(
        'a',
        'mx',
        'include:_spf.example.com',
        'a:mail.example.org/24',
        'ip6:2001:db8::/32',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(term, { maxLength: 8 }),
        fc.constantFrom('-all', '~all'),
        (terms, all) => {
          const r = parseSpf(['v=spf1', ...terms, all].join(' '));
          expect(r.valid).toBe(true);
          expect(r.mechanisms.length).toBe(terms.length + 1);
          expect(r.lookupCount).toBe(terms.filter((t) => !t.startsWith('ip')).length);
        },
      ),
    );
  });
});
