import { describe, expect, it } from 'vitest';
import { formatHostPort, parseHostPort } from '../../../main/probes/smtp/host-port';
import { ehloAddressLiteral } from '../../../main/probes/smtp/ehlo-name';
import { ehloExtensions } from '../../../main/probes/smtp/ehlo-extensions';
import { smtpTimeouts } from '../../../main/probes/smtp/smtp-timeouts';

describe('HOST[:PORT] of --control-mx', () => {
  it('reads names, IPv4, bracketed and bare IPv6, with the default port', () => {
    expect(parseHostPort('gmail-smtp-in.l.google.com', 25)).toEqual({
      host: 'gmail-smtp-in.l.google.com',
      port: 25,
    });
    expect(parseHostPort('127.0.0.1:2525', 25)).toEqual({ host: '127.0.0.1', port: 2525 });
    expect(parseHostPort('[::1]:2525', 25)).toEqual({ host: '::1', port: 2525 });
    expect(parseHostPort('2001:db8::25', 25)).toEqual({ host: '2001:db8::25', port: 25 });
  });

  it('refuses empty text and bad ports', () => {
    expect(parseHostPort('', 25)).toBeUndefined();
    expect(parseHostPort('host:0', 25)).toBeUndefined();
    expect(parseHostPort('host:70000', 25)).toBeUndefined();
    expect(parseHostPort('a b', 25)).toBeUndefined();
  });

  it('writes IPv6 in brackets', () => {
    expect(formatHostPort({ host: '::1', port: 25 })).toBe('[::1]:25');
    expect(formatHostPort({ host: 'mx.example', port: 25 })).toBe('mx.example:25');
  });
});

describe('EHLO name and extensions', () => {
  it('uses the address literal of this end', () => {
    expect(ehloAddressLiteral('192.0.2.1')).toBe('[192.0.2.1]');
    expect(ehloAddressLiteral('::ffff:192.0.2.1')).toBe('[192.0.2.1]');
    expect(ehloAddressLiteral('2001:db8::1')).toBe('[IPv6:2001:db8::1]');
  });

  it('lists the extensions after the first line, keyword upper-cased', () => {
    expect(ehloExtensions({ code: 250, lines: ['mx.example', 'size 1000', 'starttls'] })).toEqual([
      'SIZE 1000',
      'STARTTLS',
    ]);
    expect(ehloExtensions({ code: 502, lines: ['no'] })).toEqual([]);
  });
});

describe('time limits', () => {
  it('keeps about 30 s of patience for the greeting whatever the per-step limit', () => {
    expect(smtpTimeouts(5000)).toEqual({
      connectMs: 5000,
      greetingMs: 30_000,
      commandMs: 5000,
      tlsMs: 5000,
    });
    expect(smtpTimeouts(60_000).greetingMs).toBe(60_000);
    expect(smtpTimeouts(5000, 1000).greetingMs).toBe(1000);
  });
});
