import { describe, expect, it } from 'vitest';
import { allDoneOf } from '../../../shared/summary/all-done';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import { basicPlan, finding, run } from './summary-fixtures';

const records = recordsToPublish(basicPlan, null).records;
const green = [
  finding('spf.present', 'example.com', 'pass', 'ok', 'ok'),
  finding('dmarc.present', 'example.com', 'pass', 'ok', 'ok'),
  finding('dmarc.policy', 'example.com', 'warn', 'soft', 'p=none', 'tighten later'),
  finding('smtp.reachable', '203.0.113.10', 'pass', 'ok', 'ok'),
  finding('dnsbl.ip', '203.0.113.10', 'pass', 'ok', 'ok'),
];

describe('the All done moment', () => {
  it('is not there while anything fails, waits, could not be checked, or the run was stopped', () => {
    for (const status of ['fail', 'pending', 'unknown'] as const)
      expect(
        allDoneOf(
          run('example.com', [
            ...green,
            finding('host.a', 'mail.example.com', status, 't', 'd', 'f'),
          ]),
          records,
          true,
        ),
        status,
      ).toBeUndefined();
    expect(
      allDoneOf({ ...run('example.com', green), cancelled: true }, records, true),
    ).toBeUndefined();
    expect(allDoneOf(undefined, records, true)).toBeUndefined();
  });

  it('says what was verified, the advice left, and the ladder dated from the check', () => {
    const done = allDoneOf(run('example.com', green), records, true);
    expect(done?.complete).toBe(true);
    expect(done?.verified.map((g) => g.group)).toEqual(['spf', 'dmarc', 'dnsbl', 'smtp']);
    expect(done?.verified.find((g) => g.group === 'dmarc')?.checks).toBe(2);
    expect(done?.advice).toBe(1);
    expect(done?.notLooked).toEqual([]);
    const dmarc = done?.ladder.find((s) => s.label === 'DMARC');
    expect(dmarc?.next).toContain('p=quarantine');
    // "usually after 2–4 weeks", counted from the check (22 November 2026).
    expect(dmarc?.earliest?.toISOString().slice(0, 10)).toBe('2026-12-06');
    expect(dmarc?.latest?.toISOString().slice(0, 10)).toBe('2026-12-20');
  });

  it('names what the check did not look at: the mail server, the block lists, a real message', () => {
    const dnsOnly = green.filter(
      (f) => !f.check.startsWith('smtp') && !f.check.startsWith('dnsbl'),
    );
    const done = allDoneOf(run('example.com', dnsOnly), records, false);
    expect(done?.complete).toBe(false);
    expect(done?.notLooked).toEqual([
      'the mail server itself (port 25 and STARTTLS)',
      'the block lists',
      'a real message sent from your server (the Message test step reads one)',
    ]);
  });
});
