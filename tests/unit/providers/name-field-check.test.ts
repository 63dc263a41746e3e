import { describe, expect, it } from 'vitest';
import { nameFieldProblem } from '../../../shared/providers/name-field-check';

describe('nameFieldProblem', () => {
  it('catches the full name typed at a host that appends the domain', () => {
    expect(
      nameFieldProblem('mail.example.com', 'mail.example.com', 'namecheap', 'example.com'),
    ).toBe(
      'Namecheap adds .example.com itself, so this would become mail.example.com.example.com. Type only mail.',
    );
    expect(nameFieldProblem('example.com', 'example.com', 'godaddy', 'example.com')).toContain(
      'Type only @.',
    );
  });

  it('accepts the relative name and "@"', () => {
    expect(nameFieldProblem('mail', 'mail.example.com', 'cloudflare', 'example.com')).toBeNull();
    expect(nameFieldProblem('@', 'example.com', 'cloudflare', 'example.com')).toBeNull();
    expect(
      nameFieldProblem('mail._domainkey', 'mail._domainkey.example.com', 'gandi', 'example.com'),
    ).toBeNull();
  });

  it('flags dots at the start, and at the end on relative hosts', () => {
    expect(nameFieldProblem('.mail', 'mail.example.com', 'other', 'example.com')).toContain(
      'start',
    );
    expect(nameFieldProblem('mail.', 'mail.example.com', 'godaddy', 'example.com')).toContain(
      'end',
    );
  });

  it('for hosts whose convention is unknown, only a doubled domain is flagged', () => {
    expect(
      nameFieldProblem('mail.example.com', 'mail.example.com', 'route53', 'example.com'),
    ).toBeNull();
    expect(nameFieldProblem('mail', 'mail.example.com', 'route53', 'example.com')).toBeNull();
    expect(
      nameFieldProblem('mail.example.com.example.com', 'mail.example.com', 'other', 'example.com'),
    ).toBe('This name has your domain twice (mail.example.com.example.com). Use mail.example.com.');
  });
});
