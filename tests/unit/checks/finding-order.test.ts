import type { CheckId } from '../../../shared/checks/catalogue';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/finding';
import { compareInGroup, compareSubjects } from '../../../shared/checks/finding-order';

const f = (check: CheckId, subject: string): Finding => ({
  check,
  subject,
  status: 'pass',
  title: 't',
  detail: 'd',
});

describe('finding order', () => {
  it('keeps the findings about one DKIM key together, the main key first', () => {
    const rsa = 'mw2026._domainkey.example.test';
    const ed = 'mw2026-ed25519._domainkey.example.test';
    const shuffled = [
      f('dkim.syntax', ed),
      f('dkim.present', rsa),
      f('dkim.present', ed),
      f('dkim.matches', rsa),
      f('dkim.syntax', rsa),
    ];
    expect(shuffled.sort(compareInGroup).map((x) => `${x.check} ${x.subject}`)).toEqual([
      `dkim.present ${rsa}`,
      `dkim.syntax ${rsa}`,
      `dkim.matches ${rsa}`,
      `dkim.present ${ed}`,
      `dkim.syntax ${ed}`,
    ]);
  });

  it('orders other findings by the catalogue, then by subject', () => {
    const list = [
      f('ptr.matches', '192.0.2.11'),
      f('ptr.present', '192.0.2.11'),
      f('ptr.present', '192.0.2.10'),
    ];
    expect(list.sort(compareInGroup).map((x) => `${x.check} ${x.subject}`)).toEqual([
      'ptr.present 192.0.2.10',
      'ptr.present 192.0.2.11',
      'ptr.matches 192.0.2.11',
    ]);
    expect(compareSubjects('a._domainkey.x', 'a-ed25519._domainkey.x')).toBeLessThan(0);
  });
});
