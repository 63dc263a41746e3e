import { describe, expect, it } from 'vitest';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import { normalizeMailHostInput } from '../../../shared/model/mail-host-input';

describe('the domain field', () => {
  it.each([
    ['https://www.Example.COM/contact', 'example.com'],
    ['  example.com  ', 'example.com'],
    ['http://example.com:8080/?q=1#top', 'example.com'],
    ['info@example.com', 'example.com'],
    ['mailto:info@example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['WWW.EXAMPLE.CO.UK', 'example.co.uk'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
  ])('turns %j into %s', (raw, expected) => {
    const r = normalizeDomainInput(raw);
    expect(r.ok && r.domain).toBe(expected);
  });

  it('says what it stripped from a pasted web address', () => {
    const r = normalizeDomainInput('https://www.example.com/contact');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.changed).toBe(true);
      expect(r.notes.join(' ')).toMatch(/removed the web address parts/);
      expect(r.notes.join(' ')).toMatch(/www/);
    }
  });

  it('shows an international name in Unicode with its DNS form', () => {
    const r = normalizeDomainInput('münchen.de');
    expect(r.ok && r.unicode).toBe('münchen.de');
  });

  it.each([
    ['co.uk', /public ending/],
    ['com', /public ending|needs a dot/],
    ['', /Enter the domain/],
    ['203.0.113.10', /is an IP address/],
    ['exa mple.com', /spaces/],
    ['-bad.com', /hyphen/],
    ['a..com', /two dots/],
    ['ex_ample.com', /characters a domain cannot have/],
    [`${'a'.repeat(64)}.com`, /longer than 63/],
  ])('refuses %j with a message that says what is wrong', (raw, message) => {
    const r = normalizeDomainInput(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('suggests the registrable domain for a public suffix', () => {
    const r = normalizeDomainInput('co.uk');
    expect(!r.ok && r.message).toMatch(/yourname\.co\.uk/);
  });

  it('accepts reserved test names with a note', () => {
    const r = normalizeDomainInput('example.test');
    expect(r.ok && r.notes.join(' ')).toMatch(/reserved for testing/);
  });

  it('notes a subdomain and names the registrable domain', () => {
    const r = normalizeDomainInput('shop.example.com');
    expect(r.ok && r.notes.join(' ')).toMatch(/subdomain of example\.com/);
  });
});

describe('the mail host field', () => {
  it('defaults to a label in front of the domain', () => {
    const r = normalizeMailHostInput('mail', 'example.com');
    expect(r.ok && r.mailHost).toBe('mail.example.com');
  });
  it('accepts the full name typed in', () => {
    const r = normalizeMailHostInput('MX1.example.com.', 'example.com');
    expect(r.ok && r.label).toBe('mx1');
  });
  it('allows the bare domain but explains why a subdomain is better', () => {
    const r = normalizeMailHostInput('', 'example.com');
    expect(r.ok && r.mailHost).toBe('example.com');
    expect(r.ok && r.notes.join(' ')).toMatch(/PTR/);
  });
  it('refuses characters a host name cannot have', () => {
    const r = normalizeMailHostInput('mail server', 'example.com');
    expect(r.ok).toBe(false);
  });
});
