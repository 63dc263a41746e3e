import { describe, expect, it } from 'vitest';
import { recordCheck } from '../../../shared/summary/record-status';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import { finding } from './summary-fixtures';

const ptr: PlannedRecord = {
  key: 'ptr:203.0.113.10',
  name: '10.113.0.203.in-addr.arpa',
  type: 'PTR',
  subject: { kind: 'address', ip: '203.0.113.10' },
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
    const other: PlannedRecord = {
      ...ptr,
      key: 'ptr:203.0.113.11',
      name: '11.113.0.203.in-addr.arpa',
      subject: { kind: 'address', ip: '203.0.113.11' },
    };
    expect(recordCheck(other, findings).status).toBe('fail');
  });

  it('shows the most urgent status of its checks', () => {
    const findings = [
      finding('ptr.present', '203.0.113.10', 'pass', 'ok', 'ok'),
      finding('ptr.matches', '203.0.113.10', 'warn', 'generic', 'generic', 'ask'),
      finding('spf.single', 'example.com', 'fail', 'two', 'two', 'delete one'),
    ];
    expect(recordCheck(ptr, findings).status).toBe('warn');
  });

  it('the one SPF record owns the findings about each server address it must allow', () => {
    const spf: PlannedRecord = {
      key: 'spf',
      name: 'example.com',
      type: 'TXT',
      subject: { kind: 'name' },
      value: 'v=spf1 mx -all',
      ttl: 3600,
      where: 'dns-host',
      why: 'w',
      checks: ['spf.present', 'spf.authorizes'],
    };
    const findings = [
      finding('spf.present', 'example.com', 'pass', 'ok', 'ok'),
      finding('spf.authorizes', '203.0.113.10', 'fail', 'not allowed', 'not allowed', 'add ip4'),
    ];
    expect(recordCheck(spf, findings).status).toBe('fail');
  });

  it('keeps each DKIM key record to the findings about its own name', () => {
    const dkim = (selector: string): PlannedRecord => ({
      key: `dkim:${selector}`,
      name: `${selector}._domainkey.example.com`,
      type: 'TXT',
      subject: { kind: 'dkim-key', selector },
      value: 'v=DKIM1; p=x',
      ttl: 3600,
      where: 'dns-host',
      why: 'w',
      checks: ['dkim.present', 'dkim.syntax'],
    });
    const findings = [
      finding('dkim.present', 'mail._domainkey.example.com', 'pass', 'ok', 'ok'),
      finding('dkim.syntax', 'mail._domainkey.example.com', 'pass', 'ok', 'ok'),
      finding('dkim.present', 'mail-ed25519._domainkey.example.com', 'fail', 'no', 'no', 'add'),
    ];
    expect(recordCheck(dkim('mail'), findings).status).toBe('pass');
    expect(recordCheck(dkim('mail-ed25519'), findings).status).toBe('fail');
    // A run made before the Ed25519 key existed does not lend it the RSA key's status.
    expect(recordCheck(dkim('mail-ed25519'), findings.slice(0, 2)).status).toBe('not-checked');
  });

  it('matches an IPv6 address record by address, however the address is written', () => {
    const v6: PlannedRecord = {
      ...ptr,
      key: 'ptr:2001:db8::25',
      subject: { kind: 'address', ip: '2001:db8::25' },
    };
    const findings = [
      finding('ptr.present', '2001:0db8:0000:0000:0000:0000:0000:0025', 'pass', 'ok', 'ok'),
      finding('ptr.present', '2001:db8::26', 'fail', 'missing', 'missing', 'ask'),
      finding('ptr.present', '203.0.113.10', 'fail', 'missing', 'missing', 'ask'),
    ];
    expect(recordCheck(v6, findings)).toMatchObject({ status: 'pass', findings: [findings[0]] });
  });

  it('is "not checked" when the run has no finding for it', () => {
    expect(recordCheck(ptr, [finding('spf.all', 'example.com', 'pass', 'ok', 'ok')]).status).toBe(
      'not-checked',
    );
  });
});
