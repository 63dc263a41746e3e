import { describe, expect, it } from 'vitest';
import { recordCheck } from '../../../shared/summary/record-status';
import type { Finding } from '../../../shared/checks/finding';
import type { PlannedRecord } from '../../../shared/records/planned-record';

// The Google MX the user was told to delete when moving receiving to their server.
const googleMx: PlannedRecord = {
  key: 'delete:mx:example.com:1 smtp.google.com',
  name: 'example.com',
  type: 'MX',
  value: '1 smtp.google.com',
  ttl: 3600,
  where: 'dns-host',
  why: 'Mail is delivered to smtp.google.com today.',
  checks: [],
  action: 'delete',
  subject: { kind: 'name' },
};

/** An MX finding whose evidence holds what the DNS host (and a resolver) answered. */
const mxFinding = (hostMx: string[], outcome = 'answer'): Finding => ({
  check: 'mx.present',
  subject: 'example.com',
  status: 'pass',
  title: 't',
  detail: 'd',
  evidence: {
    lookup: {
      name: 'example.com',
      type: 'MX',
      answers: [
        {
          view: 'authoritative:ns1.example.net',
          outcome,
          records: hostMx.map((m) => {
            const [preference, exchange] = m.split(' ');
            return {
              type: 'MX',
              name: 'example.com',
              ttl: 300,
              preference: Number(preference),
              exchange: `${exchange}.`,
            };
          }),
        },
        // A resolver still holding the old answer does not make it "still published".
        {
          view: 'public:google',
          outcome: 'answer',
          records: [
            {
              type: 'MX',
              name: 'example.com',
              ttl: 20,
              preference: 1,
              exchange: 'smtp.google.com.',
            },
          ],
        },
      ],
    },
  },
});

describe('a record to delete, after a check', () => {
  it('says it is still published when the DNS host still has it', () => {
    const c = recordCheck(googleMx, [mxFinding(['1 smtp.google.com', '10 mail.example.com'])]);
    expect(c.status).toBe('fail');
    expect(c.words).toBe('Still published: delete it');
  });

  it('says it is deleted when the DNS host no longer has it', () => {
    const c = recordCheck(googleMx, [mxFinding(['10 mail.example.com'])]);
    expect(c.status).toBe('pass');
    expect(c.words).toBe('Deleted');
  });

  it('stays "not checked" when the run could not ask the DNS host or did not look', () => {
    expect(recordCheck(googleMx, [mxFinding([], 'timeout')]).status).toBe('not-checked');
    expect(recordCheck(googleMx, []).words).toBeUndefined();
  });

  it('reads a long TXT value cut short in the evidence', () => {
    const spf: PlannedRecord = {
      ...googleMx,
      key: 'delete:txt:example.com:x',
      type: 'TXT',
      value: `v=spf1 ${'include:a.example '.repeat(20)}~all`,
    };
    const cut = `${spf.value.slice(0, 100)}…`;
    const f: Finding = {
      ...mxFinding([]),
      evidence: {
        lookup: {
          name: 'example.com.',
          type: 'TXT',
          answers: [
            {
              view: 'authoritative:ns1',
              outcome: 'answer',
              records: [{ type: 'TXT', strings: [cut] }],
            },
          ],
        },
      },
    };
    expect(recordCheck(spf, [f]).words).toBe('Still published: delete it');
  });
});
