import { describe, expect, it } from 'vitest';
import { splitAddresses } from '../../../shared/model/draft-to-plan';
import { validateIpInput } from '../../../shared/model/ip-input';

/** What the server address field says about what people paste or type by mistake. */
describe('the IPv4 field', () => {
  const messages = (text: string) =>
    splitAddresses(text).map((a) => validateIpInput(a, 'ipv4').message);

  it('reads a web address as a web address, not as IPv6, and names the address inside', () => {
    expect(messages('https://5.161.77.10/')).toEqual([
      '"https://5.161.77.10/" is a web address. Enter only the server\'s address: 5.161.77.10.',
    ]);
    expect(messages('http://5.161.77.10:8080/admin')[0]).toContain('5.161.77.10.');
    expect(messages('https://example.com/')[0]).toContain('is a web address, not a server address');
  });

  it('gives one message suggesting dots for an address typed with commas', () => {
    expect(messages('5,161,77,10')).toEqual([
      '"5,161,77,10" uses commas; an IPv4 address is written with dots: 5.161.77.10.',
    ]);
    expect(messages(' 5, 161, 77, 10 ')).toHaveLength(1);
  });

  it('still reads a list of addresses separated by commas as several', () => {
    expect(splitAddresses('5.161.77.10, 5.161.77.11')).toEqual(['5.161.77.10', '5.161.77.11']);
    expect(validateIpInput('5.161.77.10', 'ipv4')).toMatchObject({ ok: true });
    expect(validateIpInput('2001:db8::1', 'ipv4').message).toContain('is an IPv6 address');
  });
});
