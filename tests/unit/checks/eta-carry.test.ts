import { describe, expect, it } from 'vitest';
import { carryEtas } from '../../../shared/checks/eta-carry';
import type { Finding } from '../../../shared/checks/finding';
import type { CheckDocument } from '../../../shared/checks/verify-progress';

const answers = (hostIp: string, cachedTtl: number) => ({
  lookup: {
    name: 'mail.example.com',
    type: 'A',
    answers: [
      {
        view: 'authoritative:ns1.example.net',
        outcome: 'answer',
        records: [{ type: 'A', ttl: 3600, address: hostIp }],
      },
      {
        view: 'public:google',
        outcome: 'answer',
        records: [{ type: 'A', ttl: cachedTtl, address: '192.0.2.1' }],
      },
    ],
  },
});

const pending = (eta: string, hostIp = '192.0.2.2', minutes = 4): Finding => ({
  check: 'host.a',
  subject: 'mail.example.com',
  status: 'pending',
  title: 'Published, not yet visible everywhere',
  detail: `Your DNS host has mail.example.com → ${hostIp}. Some resolvers still have the old answer and should update in about ${minutes} minutes.`,
  fix: 'Nothing to change. Wait, then check again.',
  eta,
  evidence: answers(hostIp, minutes * 60),
});

const doc = (startedAt: string, findings: Finding[]): CheckDocument => ({
  tool: 'mailwright',
  version: 'test',
  domain: 'example.com',
  startedAt,
  durationMs: 1000,
  summary: { pass: 0, fail: 0, warn: 0, pending: findings.length, unknown: 0, info: 0 },
  findings,
});

describe('carrying an ETA forward', () => {
  const before = doc('2026-12-07T10:00:00.000Z', [pending('2026-12-07T10:04:00.000Z')]);

  it('keeps the earlier ETA when the DNS host answers the same, and says so in words', () => {
    const now = doc('2026-12-07T10:01:00.000Z', [
      pending('2026-12-07T10:30:00.000Z', '192.0.2.2', 29),
    ]);
    const f = carryEtas(before, now).findings[0];
    expect(f?.eta).toBe('2026-12-07T10:04:00.000Z');
    expect(f?.detail).toContain('should update in about 3 minutes');
    expect(f?.detail).not.toContain('29 minutes');
    expect(f?.evidence?.etaMeasured).toBe('2026-12-07T10:30:00.000Z');
  });

  it('takes the new measurement when the DNS host changed, the earlier ETA passed, or it is another domain', () => {
    const changed = doc('2026-12-07T10:01:00.000Z', [
      pending('2026-12-07T10:30:00.000Z', '192.0.2.3', 29),
    ]);
    expect(carryEtas(before, changed).findings[0]?.eta).toBe('2026-12-07T10:30:00.000Z');
    const late = doc('2026-12-07T10:05:00.000Z', [
      pending('2026-12-07T10:30:00.000Z', '192.0.2.2', 25),
    ]);
    expect(carryEtas(before, late).findings[0]?.eta).toBe('2026-12-07T10:30:00.000Z');
    const other = {
      ...doc('2026-12-07T10:01:00.000Z', [pending('2026-12-07T10:30:00.000Z')]),
      domain: 'example.org',
    };
    expect(carryEtas(before, other).findings[0]?.eta).toBe('2026-12-07T10:30:00.000Z');
  });

  it('carries nothing without the DNS host answer in the evidence', () => {
    const bare = (eta: string): Finding => ({ ...pending(eta), evidence: {} });
    const was = doc('2026-12-07T10:00:00.000Z', [bare('2026-12-07T10:04:00.000Z')]);
    const now = doc('2026-12-07T10:01:00.000Z', [bare('2026-12-07T10:30:00.000Z')]);
    expect(carryEtas(was, now).findings[0]?.eta).toBe('2026-12-07T10:30:00.000Z');
  });
});
