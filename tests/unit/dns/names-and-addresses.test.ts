import { describe, expect, it } from 'vitest';
import { canonicalName, isAtOrUnder, parentName } from '../../../main/dns/dns-names';
import { isLoopback } from '../../../main/dns/loopback';
import { formatServerAddress, parseServerAddress } from '../../../main/dns/server-address';

describe('server addresses (--resolver HOST[:PORT])', () => {
  it.each([
    ['127.0.0.1', { host: '127.0.0.1', port: 53, family: 4 }],
    ['127.0.0.1:5301', { host: '127.0.0.1', port: 5301, family: 4 }],
    ['::1', { host: '::1', port: 53, family: 6 }],
    ['[::1]:5301', { host: '::1', port: 5301, family: 6 }],
    ['2001:db8::53', { host: '2001:db8::53', port: 53, family: 6 }],
  ])('%s', (text, expected) => {
    expect(parseServerAddress(text)).toEqual(expected);
  });

  it.each(['dns.google', '127.0.0.1:0', '127.0.0.1:70000', '[::1]:x', ''])(
    'rejects %s with a message naming it',
    (text) => {
      expect(() => parseServerAddress(text)).toThrow(`"${text}"`);
    },
  );

  it('formats IPv6 with brackets', () => {
    expect(formatServerAddress({ host: '::1', port: 53 })).toBe('[::1]:53');
    expect(formatServerAddress({ host: '127.0.0.1', port: 5300 })).toBe('127.0.0.1:5300');
  });

  it('knows loopback', () => {
    expect(['127.0.0.1', '127.0.0.2', '::1', '[::1]', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['192.0.2.1', '10.0.0.1', '2001:db8::1', 'example.com'].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('names', () => {
  it('compares lowercase without the trailing dot', () => {
    expect(canonicalName('Mail.Example.COM.')).toBe('mail.example.com');
    expect(parentName('mail.example.com')).toBe('example.com');
    expect(parentName('com')).toBe('');
    expect(parentName('')).toBeUndefined();
    expect(isAtOrUnder('a.b.example.com', 'Example.com.')).toBe(true);
    expect(isAtOrUnder('badexample.com', 'example.com')).toBe(false);
    expect(isAtOrUnder('anything', '')).toBe(true);
  });
});

describe('names that cannot be asked', () => {
  it('says why, before any packet is sent', async () => {
    const { dnsNameProblem } = await import('../../../main/dns/dns-names');
    expect(dnsNameProblem('mail.example.com')).toBeUndefined();
    expect(dnsNameProblem('.')).toBeUndefined();
    expect(dnsNameProblem(`${'a'.repeat(64)}.example.com`)).toMatch(/longer than 63/);
    expect(dnsNameProblem('mail..example.com')).toMatch(/empty label/);
    expect(dnsNameProblem(`${'abcdefghi.'.repeat(26)}com`)).toMatch(/longer than 253/);
  });
});
