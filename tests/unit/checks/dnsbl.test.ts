import { describe, expect, it } from 'vitest';
import { dnsblVerdict, evaluateDnsbl } from '../../../shared/checks/dnsbl-checks';
import { listForZone } from '../../../shared/checks/dnsbl-lists';
import { dnsblQueryName } from '../../../main/probes/dnsbl/dnsbl-query-name';
import { listsFor } from '../../../main/probes/dnsbl/dnsbl-probe';
import { planSchema } from '../../../shared/model/plan';
import type { DnsblQuery } from '../../../shared/checks/observations';
import { addr, answer, lookup, txt } from './build-observations';

function q(
  list: string,
  zone: string,
  subject: string,
  outcome: 'answer' | 'nxdomain' | 'timeout',
  codes: string[] = [],
  reason?: string,
): DnsblQuery {
  const name = `x.${zone}`;
  const a = lookup(name, 'A', [
    {
      kind: 'system',
      answer: answer(
        name,
        'A',
        outcome,
        codes.map((c) => addr(name, c)),
      ),
    },
  ]);
  const query: DnsblQuery = { list, zone, subject, a };
  if (reason)
    query.txt = lookup(name, 'TXT', [
      { kind: 'system', answer: answer(name, 'TXT', 'answer', [txt(name, reason)]) },
    ]);
  return query;
}

const ctx = {
  plan: planSchema.parse({
    domain: 'example.test',
    mailHost: 'mail.example.test',
    ipv4: ['192.0.2.25'],
  }),
  observedAt: '2026-11-22T10:00:00Z',
};

describe('block-list answers', () => {
  it('reads refusal codes as "could not check", never as listed', () => {
    expect(
      dnsblVerdict(
        q('spamhaus-zen', 'zen.spamhaus.org', '192.0.2.25', 'answer', ['127.255.255.254']),
      ).kind,
    ).toBe('refused');
    expect(
      dnsblVerdict(
        q('spamhaus-zen', 'zen.spamhaus.org', '192.0.2.25', 'answer', ['127.255.255.255']),
      ).kind,
    ).toBe('refused');
    expect(
      dnsblVerdict(q('spamhaus-dbl', 'dbl.spamhaus.org', 'example.test', 'answer', ['127.0.1.255']))
        .kind,
    ).toBe('refused');
    expect(
      dnsblVerdict(q('uribl', 'multi.uribl.com', 'example.test', 'answer', ['127.0.0.1'])).kind,
    ).toBe('refused');
    expect(
      dnsblVerdict(q('surbl', 'multi.surbl.org', 'example.test', 'answer', ['127.0.0.1'])).kind,
    ).toBe('refused');
    expect(
      dnsblVerdict(q('custom', 'bl.example.test', '192.0.2.25', 'answer', ['127.255.255.254']))
        .kind,
    ).toBe('refused');
  });

  it('reads listings with their meaning; bitmask lists by bit', () => {
    const sbl = dnsblVerdict(
      q('spamhaus-zen', 'zen.spamhaus.org', '192.0.2.25', 'answer', ['127.0.0.2']),
    );
    expect(sbl.kind === 'listed' && sbl.meanings[0]).toMatch(/SBL/);
    const uribl = dnsblVerdict(
      q('uribl', 'multi.uribl.com', 'example.test', 'answer', ['127.0.0.6']),
    );
    expect(uribl.kind === 'listed' && uribl.meanings.join(' ')).toMatch(/black.*grey/);
    expect(dnsblVerdict(q('spamhaus-zen', 'zen.spamhaus.org', '192.0.2.25', 'nxdomain')).kind).toBe(
      'clean',
    );
    expect(dnsblVerdict(q('spamhaus-zen', 'zen.spamhaus.org', '192.0.2.25', 'timeout')).kind).toBe(
      'unknown',
    );
    expect(
      dnsblVerdict(q('custom', 'bl.example.test', '192.0.2.25', 'answer', ['10.0.0.1'])).kind,
    ).toBe('unknown');
  });

  it('a listing fails with the reason and the removal page; PBL only warns and explains', () => {
    const [listed] = evaluateDnsbl(
      {
        queries: [
          q(
            'barracuda',
            'b.barracudacentral.org',
            '192.0.2.25',
            'answer',
            ['127.0.0.2'],
            'Client host blocked',
          ),
        ],
      },
      ctx,
    );
    expect(listed?.status).toBe('fail');
    expect(listed?.detail).toContain('Client host blocked');
    expect(listed?.fix).toContain('https://www.barracudacentral.org/rbl/removal-request');
    const [pbl] = evaluateDnsbl(
      { queries: [q('spamhaus-zen', 'zen.spamhaus.org', '192.0.2.25', 'answer', ['127.0.0.10'])] },
      ctx,
    );
    expect(pbl?.status).toBe('warn');
    expect(pbl?.detail).toMatch(/not about anything you did/);
    const [refused] = evaluateDnsbl(
      {
        queries: [
          q('spamhaus-zen', 'zen.spamhaus.org', '192.0.2.25', 'answer', ['127.255.255.254']),
          q('psbl', 'psbl.surriel.com', '192.0.2.25', 'nxdomain'),
        ],
      },
      ctx,
    );
    expect(refused?.status).toBe('unknown');
    expect(refused?.detail).toMatch(/Not listed on PSBL/);
    expect(refused?.detail).toMatch(/asked via/);
    expect(evaluateDnsbl({ queries: [], skipped: '--no-dnsbl' }, ctx)).toEqual([]);
  });

  it('asks RFC 5782 names, uses DQS zones with a key, and takes --dnsbl zones', () => {
    expect(dnsblQueryName('192.0.2.25', 'zen.spamhaus.org', 'ip')).toBe(
      '25.2.0.192.zen.spamhaus.org',
    );
    expect(dnsblQueryName('2001:db8::1', 'bl.example', 'ip')).toBe(
      `1.${'0.'.repeat(23)}8.b.d.0.1.0.0.2.bl.example`,
    );
    expect(dnsblQueryName('example.test', 'dbl.spamhaus.org', 'domain')).toBe(
      'example.test.dbl.spamhaus.org',
    );
    expect(listsFor(undefined, 'abc123key').find((l) => l.id === 'spamhaus-zen')?.zone).toBe(
      'abc123key.zen.dq.spamhaus.net',
    );
    expect(listsFor(undefined).some((l) => /sorbs/i.test(l.zone))).toBe(false);
    expect(
      listsFor(['zen.spamhaus.org', 'domain:dbl.example.test']).map((l) => [l.id, l.kind]),
    ).toEqual([
      ['spamhaus-zen', 'ip'],
      ['dbl.example.test', 'domain'],
    ]);
    expect(listForZone('bl.example.test').kind).toBe('ip');
  });
});
