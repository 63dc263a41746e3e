import { describe, expect, it } from 'vitest';
import { describeReceivers, receiverOf } from '../../../shared/providers/mail-receivers';

describe('who receives a domain’s mail today', () => {
  it.each([
    ['aspmx.l.google.com', 'Google Workspace'],
    ['ALT1.ASPMX.L.GOOGLE.COM.', 'Google Workspace'],
    ['smtp.google.com', 'Google Workspace'],
    ['example-com.mail.protection.outlook.com', 'Microsoft 365'],
    ['mx.zoho.eu', 'Zoho Mail'],
    ['mail.protonmail.ch', 'Proton Mail'],
    ['in1-smtp.messagingengine.com', 'Fastmail'],
    ['route1.mx.cloudflare.net', 'Cloudflare Email Routing'],
    ['inbound-smtp.eu-west-1.amazonaws.com', 'Amazon SES (receiving)'],
    ['mx1.mail.ovh.net', 'OVHcloud mail'],
  ])('%s is %s', (host, name) => expect(receiverOf(host)).toBe(name));

  it('does not recognise look-alikes or the user’s own server', () => {
    expect(receiverOf('google.com.evil.example')).toBeNull();
    expect(receiverOf('notgoogle.com')).toBeNull();
    expect(receiverOf('mail.example.com')).toBeNull();
  });

  it('groups hosts by service and keeps unknown hosts by name', () => {
    expect(describeReceivers(['aspmx.l.google.com', 'alt1.aspmx.l.google.com'])).toBe(
      'Google Workspace (aspmx.l.google.com, alt1.aspmx.l.google.com)',
    );
    expect(describeReceivers(['mail.example.com'])).toBe('mail.example.com');
    expect(describeReceivers(['mail.example.com', 'aspmx.l.google.com'])).toBe(
      'mail.example.com and Google Workspace (aspmx.l.google.com)',
    );
  });
});
