import { describe, expect, it } from 'vitest';
import { senderReadiness, SENDER_REQUIREMENTS } from '../../../shared/summary/sender-requirements';
import type { CheckId } from '../../../shared/checks/catalogue';
import type { Finding } from '../../../shared/checks/finding';

const f = (check: CheckId, status: Finding['status'], fix?: string): Finding => ({
  check,
  subject: 'example.test',
  status,
  title: check,
  detail: '',
  ...(fix ? { fix } : {}),
});

describe('the Gmail/Yahoo-ready checklist', () => {
  it('every requirement says where it is written and when it was read', () => {
    for (const r of SENDER_REQUIREMENTS) {
      expect(r.source).toMatch(/^https:\/\//);
      expect(r.checked).toMatch(/^\d{4}-\d{2}/);
    }
  });

  it('before any check or message: not checked; the spam rate points to Postmaster Tools', () => {
    const rows = senderReadiness(null, null);
    expect(rows.find((r) => r.requirement.value.id === 'dmarc')).toMatchObject({
      dnsStatus: 'not-checked',
      messageStatus: 'not-checked',
    });
    const spam = rows.find((r) => r.requirement.value.id === 'spam-rate')!;
    expect(spam.dnsStatus).toBe('info');
    expect(spam.fix).toMatch(/Postmaster Tools/);
  });

  it('statuses come from the last check and the last message; a failing message gives its fix', () => {
    const rows = senderReadiness(
      [
        f('dmarc.present', 'pass'),
        f('dmarc.policy', 'warn', 'Move to quarantine.'),
        f('ptr.present', 'pass'),
        f('ptr.fcrdns', 'pass'),
      ],
      [
        f('message.dmarc', 'fail', 'Sign with d=example.test.'),
        f('message.bulk', 'pass'),
        f('message.transport', 'pass'),
      ],
    );
    const dmarc = rows.find((r) => r.requirement.value.id === 'dmarc')!;
    expect(dmarc).toMatchObject({
      dnsStatus: 'warn',
      messageStatus: 'fail',
      fix: 'Sign with d=example.test.',
    });
    expect(rows.find((r) => r.requirement.value.id === 'alignment')).toMatchObject({
      dnsStatus: 'not-checked',
      messageStatus: 'fail',
    });
    expect(rows.find((r) => r.requirement.value.id === 'unsubscribe')!.messageStatus).toBe('pass');
    expect(rows.find((r) => r.requirement.value.id === 'rdns')).toMatchObject({
      dnsStatus: 'pass',
      messageStatus: 'pass',
    });
  });
});
