import { describe, expect, it } from 'vitest';
import { validateIpInput } from '../../../shared/model/ip-input';

describe('validateIpInput (server address fields)', () => {
  it.each([
    ['203.0.113.10', '203.0.113.10'],
    [' 8.8.8.8 ', '8.8.8.8'],
    ['2A01:4F8:0:0::1', '2a01:4f8::1'],
    ['[2a01:4f8::1]', '2a01:4f8::1'],
  ])('accepts %j as %s', (raw, value) => {
    const r = validateIpInput(raw);
    expect(r.ok && r.value).toBe(value);
  });

  it.each([
    ['1231233', 'is not an IPv4 address'],
    ['010.1.1.1', 'leading zero'],
    ['1.2.3', 'four numbers'],
    ['1.2.3.256', 'not a number from 0 to 255'],
    ['0x7f.0.0.1', 'not a number from 0 to 255'],
    ['2001:db8::zz', 'not an IPv6 address'],
    ['fe80::1%eth0', 'network interface'],
    ['2001:db8::/64', 'network range'],
    ['', 'control panel'],
  ])('rejects %j with a specific message', (raw, words) => {
    const r = validateIpInput(raw);
    expect(r.ok).toBe(false);
    expect(r.level).toBe('error');
    expect(r.message).toContain(words);
  });

  it.each([
    [
      '192.168.1.10',
      "192.168.1.10 is an address inside your home or office network; your server's public address is shown in your VPS host's control panel.",
    ],
    ['10.0.0.5', 'inside your home or office network'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.10.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['fd00::1', 'inside your home or office network'],
    ['0.0.0.0', 'no address'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
  ])('flags %j as not public', (raw, words) => {
    const r = validateIpInput(raw);
    expect(r.ok).toBe(false);
    expect(r.message).toContain(words);
  });

  it.each(['192.0.2.10', '198.51.100.7', '203.0.113.10', '2001:db8::10'])(
    'allows the documentation address %s with a warning',
    (raw) => {
      const r = validateIpInput(raw);
      expect(r.ok).toBe(true);
      expect(r.level).toBe('warning');
      expect(r.message).toContain('documentation address');
    },
  );

  it('keeps each field to its family', () => {
    expect(validateIpInput('2001:db8::1', 'ipv4').message).toContain('IPv6 field');
    expect(validateIpInput('::ffff:192.0.2.1', 'ipv4').message).toContain(
      'Enter 192.0.2.1 instead',
    );
    expect(validateIpInput('192.0.2.1', 'ipv6').message).toContain('IPv4 field');
  });
});
