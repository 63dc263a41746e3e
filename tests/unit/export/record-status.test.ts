import { describe, expect, it } from 'vitest';
import { recordCheck } from '../../../main/export/record-status';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import { finding } from './summary-fixtures';

const ptr: PlannedRecord = {
  key: 'ptr:203.0.113.10',
  name: '10.113.0.203.in-addr.arpa',
  type: 'PTR',
  value: 'mail.example.com',
  ttl: 3600,
  where: 'vps-host',
  why: 'w',
  checks: ['ptr.present', 'ptr.matches'],
};

describe('record status from findings', () => {
  it('is "not checked" without a run', () => {
    expect(recordCheck(ptr, undefined).status).toBe('not-checked');
  });

  it('keeps only the findings about its own address', () => {
    const findings = [
      finding('ptr.present', '203.0.113.10', 'pass', 'ok', 'ok'),
      finding('ptr.present', '203.0.113.11', 'fail', 'missing', 'missing', 'ask'),
    ];
    expect(recordCheck(ptr, findings).status).toBe('pass');
    expect(recordCheck({ ...ptr, key: 'ptr:203.0.113.11' }, findings).status).toBe('fail');
  });

  it('shows the most urgent status of its checks', () => {
    const findings = [
      finding('ptr.present', '203.0.113.10', 'pass', 'ok', 'ok'),
      finding('ptr.matches', '203.0.113.10', 'warn', 'generic', 'generic', 'ask'),
      finding('spf.single', 'example.com', 'fail', 'two', 'two', 'delete one'),
    ];
    expect(recordCheck(ptr, findings).status).toBe('warn');
  });

  it('is "not checked" when the run has no finding for it', () => {
    expect(recordCheck(ptr, [finding('spf.all', 'example.com', 'pass', 'ok', 'ok')]).status).toBe(
      'not-checked',
    );
  });
});
