import { describe, expect, it } from 'vitest';
import { mailClientSettings } from '../../../shared/summary/mail-client-settings';
import { finding, submissionFinding } from './summary-fixtures';

describe('mail app settings', () => {
  it('are left out when the run did not probe the mail-app ports', () => {
    expect(mailClientSettings('mail.example.com', undefined)).toBeUndefined();
    expect(
      mailClientSettings('mail.example.com', [finding('spf.all', 'x', 'pass', 'ok', 'ok')]),
    ).toBeUndefined();
  });

  it('list each probed port with what the check saw', () => {
    const s = mailClientSettings('mail.example.com', [submissionFinding('203.0.113.10')]);
    expect(s?.server).toBe('mail.example.com');
    expect(s?.ports.map((p) => [p.service, p.security, p.seen])).toEqual([
      [587, 'STARTTLS', 'open, TLS 1.3, certificate for mail.example.com'],
      [465, 'SSL/TLS', 'closed or not answering'],
      [993, 'SSL/TLS', 'open, TLS 1.3, certificate for mail.example.com'],
    ]);
  });

  it('say per address what was seen when there are several', () => {
    const s = mailClientSettings('mail.example.com', [
      submissionFinding('203.0.113.10'),
      submissionFinding('2001:db8::10'),
    ]);
    expect(s?.ports[0]?.seen).toContain('203.0.113.10: open');
    expect(s?.ports[0]?.seen).toContain('2001:db8::10: open');
  });
});
