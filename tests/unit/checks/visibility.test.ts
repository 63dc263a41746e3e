import { describe, expect, it } from 'vitest';
import {
  addressesOf as addrOf,
  cachedFor,
  judgeVisibility,
  waitWords,
} from '../../../shared/checks/visibility';
import { addr, answer, lookup } from './build-observations';

const NOW = '2026-11-22T10:00:00.000Z';
const want = (a: Parameters<typeof addrOf>[0]) => addrOf(a).join() === '192.0.2.25';

describe('judgeVisibility', () => {
  it('good at the DNS host and everywhere: good, nothing lagging', () => {
    const l = lookup('mail.example.test', 'A', [
      {
        kind: 'authoritative',
        answer: answer('mail.example.test', 'A', 'answer', [
          addr('mail.example.test', '192.0.2.25'),
        ]),
      },
      {
        kind: 'public',
        answer: answer('mail.example.test', 'A', 'answer', [
          addr('mail.example.test', '192.0.2.25', 120),
        ]),
      },
    ]);
    const v = judgeVisibility(l, want, NOW);
    expect(v.state).toBe('good');
    expect(v.lagging).toEqual([]);
    expect(v.eta).toBeUndefined();
  });

  it('good at the DNS host, a resolver still has the old address: pending until its TTL runs out', () => {
    const l = lookup('mail.example.test', 'A', [
      {
        kind: 'authoritative',
        answer: answer('mail.example.test', 'A', 'answer', [
          addr('mail.example.test', '192.0.2.25'),
        ]),
      },
      {
        kind: 'public',
        answer: answer('mail.example.test', 'A', 'answer', [
          addr('mail.example.test', '192.0.2.99', 120),
        ]),
      },
    ]);
    const v = judgeVisibility(l, want, NOW);
    expect(v.state).toBe('good');
    expect(v.lagging).toHaveLength(1);
    expect(v.waitSeconds).toBe(121);
    expect(v.eta).toBe('2026-11-22T10:02:01.000Z');
  });

  it('a name that did not exist before waits for the negative TTL (its own, else the zone SOA minimum)', () => {
    const mk = (negativeTtl?: number) =>
      lookup('mail.example.test', 'A', [
        {
          kind: 'authoritative',
          answer: answer('mail.example.test', 'A', 'answer', [
            addr('mail.example.test', '192.0.2.25'),
          ]),
        },
        {
          kind: 'public',
          answer: answer(
            'mail.example.test',
            'A',
            'nxdomain',
            [],
            negativeTtl === undefined ? {} : { negativeTtl },
          ),
        },
      ]);
    expect(judgeVisibility(mk(30), want, NOW).waitSeconds).toBe(31);
    expect(judgeVisibility(mk(), want, NOW, 600).waitSeconds).toBe(601);
  });

  it('wrong at the DNS host: bad, even if a resolver still shows the right value', () => {
    const l = lookup('mail.example.test', 'A', [
      {
        kind: 'authoritative',
        answer: answer('mail.example.test', 'A', 'answer', [
          addr('mail.example.test', '192.0.2.99'),
        ]),
      },
      {
        kind: 'public',
        answer: answer('mail.example.test', 'A', 'answer', [
          addr('mail.example.test', '192.0.2.25'),
        ]),
      },
    ]);
    expect(judgeVisibility(l, want, NOW).state).toBe('bad');
  });

  it('no view could answer: unknown; a resolver that timed out does not make it pending', () => {
    const none = lookup('mail.example.test', 'A', [
      { kind: 'authoritative', answer: answer('mail.example.test', 'A', 'timeout') },
      { kind: 'public', answer: answer('mail.example.test', 'A', 'servfail') },
    ]);
    expect(judgeVisibility(none, want, NOW).state).toBe('unknown');
    const partly = lookup('mail.example.test', 'A', [
      {
        kind: 'authoritative',
        answer: answer('mail.example.test', 'A', 'answer', [
          addr('mail.example.test', '192.0.2.25'),
        ]),
      },
      { kind: 'public', answer: answer('mail.example.test', 'A', 'timeout') },
    ]);
    const v = judgeVisibility(partly, want, NOW);
    expect(v.state).toBe('good');
    expect(v.lagging).toEqual([]);
    expect(v.unreachable).toHaveLength(1);
  });

  it('cachedFor and waitWords', () => {
    expect(cachedFor(answer('x', 'A', 'timeout'))).toBeUndefined();
    expect(waitWords(30)).toBe('in about 30 seconds');
    expect(waitWords(3600)).toBe('in about 60 minutes');
    expect(waitWords(86400 * 2)).toBe('in about 2 days');
  });
});
