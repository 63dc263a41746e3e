import { describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import {
  runForDomain,
  SCREEN_FINDINGS_PLACE,
  summaryStatus,
} from '../../../renderer/src/summary/summary-status';
import { statusWords } from '../../../shared/summary/overall-status';
import { projectStatus } from '../../../renderer/src/app/project-status';

function runOf(summary: Partial<CheckDocument['summary']>, domain = 'example.test'): CheckDocument {
  return {
    tool: 'mailwright',
    version: '0.1.0',
    domain,
    startedAt: '2026-11-22T10:00:00.000Z',
    durationMs: 1,
    summary: { pass: 0, warn: 0, fail: 0, pending: 0, unknown: 0, info: 0, ...summary },
    findings: [],
  };
}

describe('the Summary headline', () => {
  it('says "Not checked yet" before any check, without sending the user to the CLI', () => {
    const s = summaryStatus(undefined);
    expect(s.headline).toBe('Not checked yet');
    expect(statusWords(s, SCREEN_FINDINGS_PLACE)).not.toContain('mailwright check');
  });

  it('counts the things to fix and points below, not to a Findings section', () => {
    const s = summaryStatus(runOf({ fail: 3, warn: 1 }));
    expect(s.headline).toBe('3 things to fix');
    const words = statusWords(s, SCREEN_FINDINGS_PLACE);
    expect(words).toContain('listed below');
    expect(words).not.toContain('Findings');
  });

  it('waits for DNS when records are pending, and is ready when all passed', () => {
    expect(summaryStatus(runOf({ pending: 1, pass: 4 })).headline).toBe(
      'Waiting for DNS to update',
    );
    const whole = runOf({ pass: 9 });
    whole.findings = (['smtp.starttls', 'dnsbl.ip'] as const).map((check) => ({
      check,
      subject: 'mail.example.test',
      status: 'pass' as const,
      title: check,
      detail: '',
    }));
    expect(summaryStatus(whole).headline).toBe('Ready to send');
  });

  it('ignores a run made for another domain (the user changed the domain since)', () => {
    expect(runForDomain(runOf({}, 'old.test'), 'example.test')).toBeUndefined();
    const same = runOf({}, 'Example.TEST.');
    expect(runForDomain(same, 'example.test')).toBe(same);
  });
});

describe('the Projects list status', () => {
  it('shows nothing but "not checked" before any run', () => {
    expect(projectStatus(undefined)).toEqual({ status: 'not-checked', counts: '' });
  });

  it('shows the most urgent status and the counts in words', () => {
    const last = {
      startedAt: '2026-11-22T10:00:00.000Z',
      fail: 2,
      warn: 1,
      pending: 1,
      unknown: 0,
    };
    expect(projectStatus(last)).toEqual({
      status: 'fail',
      counts: '2 to fix, 1 waiting for DNS, 1 suggestion',
    });
    expect(projectStatus({ ...last, fail: 0, pending: 0, warn: 0 })).toEqual({
      status: 'pass',
      counts: 'Every check passed',
    });
    expect(projectStatus({ ...last, fail: 0, pending: 0, warn: 0, cancelled: true }).status).toBe(
      'unknown',
    );
  });
});
