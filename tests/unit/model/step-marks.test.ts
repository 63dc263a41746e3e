import type { CheckId } from '../../../shared/checks/catalogue';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/finding';
import { draftToPlan } from '../../../shared/model/draft-to-plan';
import { fillDraft } from './draft-fill';
import { stepMarks } from '../../../shared/model/step-marks';

const spki = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

function marksOf(draft: Record<string, unknown>, findings: Finding[] | null = null) {
  const marks = stepMarks(fillDraft(draft), draftToPlan(draft), findings);
  return Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, v.mark]));
}

function finding(check: CheckId, status: Finding['status']): Finding {
  return { check, subject: 'example.test', status, title: check, detail: '' };
}

const complete = {
  domain: 'example.test',
  ipv4: '192.0.2.10',
  dnsHost: 'cloudflare',
  dkimPaste: `v=DKIM1; k=rsa; p=${spki}`,
};

/** Every check of a run that found everything right, SMTP included. */
const allGreen: Finding[] = (
  [
    'domain.valid',
    'host.public-ip',
    'domain.nameservers',
    'host.a',
    'spf.present',
    'dmarc.present',
    'dkim.present',
    'ptr.present',
    'smtp.starttls',
  ] as const
).map((c) => finding(c, 'pass'));

describe('stepMarks', () => {
  it('marks nothing on a new project: an empty field is a to-do, not a mistake', () => {
    const m = marksOf({ domain: '' });
    expect(Object.values(m).every((v) => v === 'open')).toBe(true);
  });

  it('marks the steps with valid input done, and a typed mistake as needing attention', () => {
    expect(marksOf({ domain: 'example.test' })).toMatchObject({ domain: 'done', server: 'open' });
    expect(marksOf({ domain: 'https://' })).toMatchObject({ domain: 'attention' });
    expect(marksOf({ domain: 'example.test', ipv4: '192.168.1.20' })).toMatchObject({
      domain: 'done',
      server: 'attention',
    });
    const ready = marksOf(complete);
    expect(ready).toMatchObject({
      domain: 'done',
      server: 'done',
      'dns-host': 'done',
      dkim: 'done',
    });
    // Records, reverse DNS and Verify are done at the DNS and VPS hosts: only a check confirms them.
    expect(ready).toMatchObject({ records: 'open', 'reverse-dns': 'open', verify: 'open' });
  });

  it('a whole check that passed marks every step it confirmed', () => {
    expect(marksOf(complete, allGreen)).toEqual({
      projects: 'open',
      domain: 'done',
      server: 'done',
      'dns-host': 'done',
      records: 'done',
      dkim: 'done',
      'reverse-dns': 'done',
      // No secure-delivery findings in this run: the optional step stays open.
      secure: 'open',
      verify: 'done',
      // The test message is its own evidence: no message checked yet, so open.
      'message-test': 'open',
      summary: 'open',
    });
  });

  it('a failed check marks its step and Verify; waiting or unknown leaves them open', () => {
    const run = allGreen.map((f) =>
      f.check === 'ptr.present'
        ? { ...f, status: 'fail' as const }
        : f.check === 'dkim.present'
          ? { ...f, status: 'pending' as const }
          : f.check === 'spf.present'
            ? { ...f, status: 'unknown' as const }
            : f,
    );
    const m = marksOf(complete, run);
    expect(m).toMatchObject({
      'reverse-dns': 'attention',
      verify: 'attention',
      records: 'open',
      server: 'done',
    });
    const dkimFailed = allGreen.map((f) =>
      f.check === 'dkim.present' ? { ...f, status: 'fail' as const } : f,
    );
    expect(marksOf(complete, dkimFailed)).toMatchObject({ dkim: 'attention' });
    const why = stepMarks(fillDraft(complete), draftToPlan(complete), run)['reverse-dns'].why;
    expect(why).toBe('The last check found a problem to fix on this step.');
  });

  it('a check without the mail server (Records: "Check these now") never marks Verify done', () => {
    const dnsOnly = allGreen.filter((f) => !f.check.startsWith('smtp.'));
    expect(marksOf(complete, dnsOnly)).toMatchObject({ records: 'done', verify: 'open' });
  });

  it('a DNS-only check after a whole one keeps Verify judged by both (its ✓ stays)', () => {
    const dnsOnly = allGreen.filter((f) => !f.check.startsWith('smtp.'));
    const marks = stepMarks(fillDraft(complete), draftToPlan(complete), dnsOnly, allGreen);
    expect(marks.verify.mark).toBe('done');
    const dnsBroken = dnsOnly.map((f, i) => (i === 0 ? { ...f, status: 'fail' as const } : f));
    expect(
      stepMarks(fillDraft(complete), draftToPlan(complete), dnsBroken, allGreen).verify.mark,
    ).toBe('attention');
    const serverBroken = allGreen.map((f) =>
      f.check.startsWith('smtp.') ? { ...f, status: 'fail' as const } : f,
    );
    expect(
      stepMarks(fillDraft(complete), draftToPlan(complete), dnsOnly, serverBroken).verify.mark,
    ).toBe('attention');
  });

  it('DKIM is done once the key is known, never while it is unknown', () => {
    const { dkimPaste: _unused, ...noKey } = complete;
    expect(marksOf(noKey, allGreen)).toMatchObject({ dkim: 'open', records: 'done' });
    expect(marksOf({ ...noKey, dkimPaste: 'v=DKIM1; p=abc"' })).toMatchObject({
      dkim: 'attention',
    });
  });
});
