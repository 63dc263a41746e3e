import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { PLANS, ZONES } from '../../fixtures/zones/scenarios';
import { startDnsWorld, type DnsWorld } from './dns-world';

// Every DNS-side check id of docs/CHECKS.md against real Knot + Unbound on loopback: for each, a
// fixture domain where it passes and one where it fails or warns (SMTP ids: tests/integration/smtp;
// pending: propagation.test.ts; nameserver faults: faults.test.ts).

let world: DnsWorld;
const docs: Record<string, CheckDocument> = {};

beforeAll(async () => {
  world = await startDnsWorld(ZONES, { dnsblZones: ['zen.dnsbl.test', 'domain:dbl.dnsbl.test'] });
  await Promise.all(
    Object.entries(PLANS).map(async ([name, plan]) => {
      docs[name] = await runVerification({ plan: planSchema.parse(plan), options: world.options });
    }),
  );
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function find(doc: string, check: string, subject?: string) {
  const found = (docs[doc]?.findings ?? []).filter(
    (f) => f.check === check && (subject === undefined || f.subject === subject),
  );
  expect(found, `${doc}: ${check}${subject ? ` (${subject})` : ''}`).toHaveLength(1);
  return found[0]!;
}

// [check, scenario where it passes, [scenario, status] where it does not]
const TABLE: [string, string, [string, string][]][] = [
  [
    'domain.delegated',
    'good',
    [
      ['nsdot', 'fail'],
      ['missing', 'fail'],
    ],
  ],
  ['domain.nameservers', 'good', []],
  [
    'host.a',
    'good',
    [
      ['bad', 'fail'],
      ['nothing', 'fail'],
    ],
  ],
  ['host.aaaa', 'good', [['bad', 'warn']]],
  ['host.not-cname', 'good', [['weak', 'fail']]],
  ['host.proxied', 'good', [['cf', 'fail']]],
  ['host.doubled-name', 'good', [['bad', 'warn']]],
  ['mx.present', 'good', [['nothing', 'fail']]],
  [
    'mx.target',
    'good',
    [
      ['bad', 'fail'],
      ['weak', 'fail'],
    ],
  ],
  [
    'spf.present',
    'good',
    [
      ['nothing', 'fail'],
      ['quoted', 'fail'],
    ],
  ],
  ['spf.single', 'good', [['bad', 'fail']]],
  ['spf.syntax', 'good', [['syntax', 'fail']]],
  ['spf.lookups', 'good', [['lookups', 'fail']]],
  ['spf.all', 'good', [['weak', 'fail']]],
  ['spf.senders', 'good', [['lookups', 'fail']]],
  [
    'spf.helo',
    'good',
    [
      ['bad', 'warn'],
      ['quoted', 'warn'],
    ],
  ],
  [
    'dkim.present',
    'good',
    [
      ['bad', 'fail'],
      ['nothing', 'fail'],
    ],
  ],
  [
    'dkim.syntax',
    'weak',
    [
      ['syntax', 'fail'],
      ['good', 'warn'],
    ],
  ],
  ['dkim.key-strength', 'good', [['weak', 'warn']]],
  ['dkim.matches', 'good', [['weak', 'fail']]],
  ['dkim.testing', 'good', [['weak', 'warn']]],
  ['dmarc.present', 'good', [['bad', 'fail']]],
  ['dmarc.single', 'good', [['syntax', 'fail']]],
  [
    'dmarc.syntax',
    'good',
    [
      ['syntax', 'fail'],
      ['lookups', 'warn'],
    ],
  ],
  [
    'dmarc.policy',
    'good',
    [
      ['weak', 'warn'],
      ['syntax', 'fail'],
    ],
  ],
  [
    'dmarc.reports',
    'good',
    [
      ['weak', 'warn'],
      ['syntax', 'fail'],
    ],
  ],
  [
    'dmarc.misplaced',
    'good',
    [
      ['bad', 'fail'],
      ['nothing', 'fail'],
    ],
  ],
  [
    'dnsbl.domain',
    'good',
    [
      ['bad', 'fail'],
      ['weak', 'unknown'],
    ],
  ],
  ['propagation', 'good', []],
];

describe('every DNS check passes on a right zone and fails or warns on a wrong one', () => {
  it.each(TABLE)('%s', (check, passing, failing) => {
    expect(find(passing, check).status).toBe('pass');
    for (const [scenario, status] of failing) expect(find(scenario, check).status).toBe(status);
  });

  it('per-IP checks: one finding per address (IPv4 and IPv6)', () => {
    for (const check of [
      'host.public-ip',
      'ptr.present',
      'ptr.matches',
      'ptr.fcrdns',
      'spf.authorizes',
      'dnsbl.ip',
    ]) {
      expect(find('good', check, '192.0.2.10').status).toBe(
        check === 'host.public-ip' ? 'warn' : 'pass',
      );
      expect(find('good', check, '2001:db8::10').status).toBe(
        check === 'host.public-ip' ? 'warn' : 'pass',
      );
    }
    expect(find('cf', 'host.public-ip').status).toBe('pass');
    expect(find('nothing', 'ptr.present').status).toBe('fail');
    expect(find('bad', 'ptr.matches').status).toBe('fail');
    expect(find('weak', 'ptr.matches').status).toBe('fail');
    expect(find('syntax', 'ptr.matches').status).toBe('warn');
    expect(find('bad', 'ptr.fcrdns').status).toBe('fail');
    expect(find('bad', 'spf.authorizes').status).toBe('fail');
    expect(find('weak', 'dnsbl.ip').status).toBe('fail');
    expect(find('bad', 'dnsbl.ip').status).toBe('unknown');
  });

  it('dnshost.detected: info on a host it does not know, warn when the NS say another host than chosen', () => {
    expect(find('good', 'dnshost.detected').status).toBe('info');
    const cf = find('cf', 'dnshost.detected');
    expect(cf.status).toBe('warn');
    expect(cf.title).toContain('Cloudflare');
  });

  it('explains the classic mistakes from the evidence', () => {
    expect(find('nsdot', 'domain.delegated').detail).toMatch(
      /ns1\.nsdot\.test\.nsdot\.test ends in nsdot\.test twice/,
    );
    expect(find('missing', 'domain.delegated').title).toMatch(/does not exist/);
    expect(find('bad', 'mx.target').detail).toMatch(
      /mail\.bad\.test\.bad\.test has the domain twice/,
    );
    expect(find('bad', 'host.doubled-name').detail).toContain('mail.bad.test.bad.test');
    expect(find('bad', 'dkim.present').detail).toMatch(/under the selector "default"/);
    expect(find('bad', 'dmarc.misplaced').detail).toContain('bad.test');
    expect(find('quoted', 'spf.present').detail).toMatch(/quote characters/);
    expect(find('quoted', 'spf.present').fix).toContain('v=spf1 ip4:192.0.2.70 -all');
    expect(find('syntax', 'dkim.syntax').title).toMatch(/cut short/);
    expect(find('cf', 'host.proxied').fix).toMatch(/grey|DNS only/);
    expect(find('bad', 'ptr.matches').fix).toContain('mail.bad.test');
    const listed = find('weak', 'dnsbl.ip');
    expect(listed.detail).toContain('Listed for spam trap hits');
    expect(find('bad', 'dnsbl.ip').detail).toMatch(/refused the query|refuse queries/);
    expect(find('bad', 'dnsbl.ip').detail).toContain('127.0.0.1');
  });

  it('compares DKIM keys by meaning: the PKCS#1 form of the plan key matches', () => {
    expect(find('good', 'dkim.matches').status).toBe('pass');
  });

  it('gives a fix with every finding that is not pass or info, and none with pass', () => {
    for (const doc of Object.values(docs)) {
      for (const f of doc.findings) {
        if (f.status === 'pass' || f.status === 'info')
          expect(f.fix, `${f.check} ${f.subject}`).toBeUndefined();
        else expect(f.fix, `${f.check} ${f.subject}`).toBeTruthy();
      }
    }
  });

  it('keeps one finding per check and subject', () => {
    for (const doc of Object.values(docs)) {
      const keys = doc.findings.map((f) => `${f.check}|${f.subject}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
