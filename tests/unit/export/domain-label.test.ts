import { describe, expect, it } from 'vitest';
import { domainLabel, domainText } from '../../../main/export/domain-label';

describe('domain labels', () => {
  it('shows an IDN in Unicode with its punycode beside', () => {
    const l = domainLabel('xn--e1afmkfd.xn--p1ai');
    expect(l).toEqual({
      unicode: 'пример.рф',
      ascii: 'xn--e1afmkfd.xn--p1ai',
      international: true,
    });
    expect(domainText(l)).toBe('пример.рф (xn--e1afmkfd.xn--p1ai)');
    expect(domainLabel('παράδειγμα.ελ').ascii).toBe('xn--hxajbheg2az3al.xn--qxam');
  });

  it('leaves an ASCII name alone', () => {
    expect(domainText(domainLabel('Mail.Example.com.'))).toBe('mail.example.com');
  });
});
