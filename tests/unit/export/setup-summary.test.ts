import { describe, expect, it } from 'vitest';
import { summaryFor } from '../../../main/export/summary-export';
import { planRecords } from '../../../shared/records/plan-records';
import { basicPlan, basicRun, longPlan, longRun, NOW, plan } from './summary-fixtures';

describe('setup summary data', () => {
  it('lists problems most urgent first, then information, then passes', () => {
    const s = summaryFor(basicPlan, planRecords(basicPlan), basicRun(), NOW);
    expect(s.problems.map((p) => p.status)).toEqual(['fail', 'fail', 'pending', 'warn', 'unknown']);
    expect(s.notes.every((n) => n.status === 'info')).toBe(true);
    expect(s.passes.every((n) => n.status === 'pass')).toBe(true);
    expect(s.problems.length + s.notes.length + s.passes.length).toBe(basicRun().findings.length);
    expect(s.status.headline).toBe('2 things to fix');
    expect(s.verifiedAt?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it("writes each record's name the way the DNS host's form wants it", () => {
    const s = summaryFor(basicPlan, planRecords(basicPlan), basicRun(), NOW);
    const byKey = new Map(s.records.map((r) => [r.key, r]));
    const apex = s.records.find((r) => r.type === 'MX');
    expect(apex?.formName).toBe('@');
    const dkim = s.records.find((r) => r.fullName.ascii === 'mail._domainkey.example.com');
    expect(dkim?.formName).toBe('mail._domainkey');
    // Cloudflare takes the long key whole and splits it itself.
    expect(dkim?.valueStrings).toBeUndefined();
    expect(s.records.find((r) => r.type === 'A')?.formProxy).toBe('DNS only');
    const ptr = [...byKey.values()].find((r) => r.type === 'PTR');
    expect(ptr?.formName).toBe('Set at your VPS host');
    expect(ptr?.status).toBe('fail');
  });

  it('shows the 255-character parts where the host needs them (Route 53) or may (unknown host)', () => {
    for (const dnsHost of ['route53', 'other']) {
      const p = plan({ ...basicPlan, dnsHost });
      const s = summaryFor(p, planRecords(p), undefined, NOW);
      const dkim = s.records.find((r) => r.fullName.ascii === 'mail._domainkey.example.com');
      expect(dkim?.valueStrings?.length).toBe(2);
      expect(dkim?.valueStrings?.every((part) => part.length <= 255)).toBe(true);
      expect(dkim?.valueStrings?.join('')).toBe(dkim?.value);
    }
  });

  it('has the PTR request of the VPS host and a port 25 request where the host blocks it', () => {
    const s = summaryFor(basicPlan, planRecords(basicPlan), basicRun(), NOW);
    expect(s.vpsHostName).toBe('Hetzner Cloud');
    expect(s.ptrRequest?.title).toContain('Hetzner');
    expect(s.port25Request?.text).toContain('port 25');
    expect(s.reverseDns).toEqual([
      expect.objectContaining({ ip: '203.0.113.10', expected: 'mail.example.com', status: 'fail' }),
    ]);
  });

  it('covers IPv4 and IPv6 addresses of a long plan, each with its own reverse DNS', () => {
    const s = summaryFor(longPlan, planRecords(longPlan), longRun(longPlan), NOW);
    expect(s.reverseDns.map((r) => r.ip)).toEqual([...longPlan.ipv4, ...longPlan.ipv6]);
    expect(s.ptrRequest?.text).toContain('2001:db8:4:2::25');
    expect(s.dnsHostName).toBeUndefined();
  });

  it('says nothing about mail apps or verification without a run', () => {
    const s = summaryFor(basicPlan, planRecords(basicPlan), undefined, NOW);
    expect(s.status.headline).toBe('Not verified yet');
    expect(s.mailClient).toBeUndefined();
    expect(s.verifiedAt).toBeUndefined();
    expect(s.records.every((r) => r.status === 'not-checked')).toBe(true);
  });

  it('points to a relay instead of a request where the host never opens port 25', () => {
    const closed = plan({ ...basicPlan, vpsHost: 'google-cloud' });
    const s = summaryFor(closed, planRecords(closed), undefined, NOW);
    expect(s.port25Request?.title).toContain('relay');
    expect(s.port25Request?.text).toBeUndefined();
    expect(s.port25Request?.steps?.join(' ')).toContain('587');
  });
});
