import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { REAL_PLANS, REAL_ZONES } from '../../fixtures/zones/real-world';
import { startSilentDns, type SilentDns } from '../../peers/silent-dns';
import { startDnsWorld, type DnsWorld } from './dns-world';

// Real-world DNS setups (issue #11) against Knot behind Unbound on loopback: a recursive resolver
// follows CNAMEs out of a zone, an authoritative server does not, so both views are exercised.

let world: DnsWorld;
let silent: SilentDns;
const docs: Record<string, CheckDocument> = {};

beforeAll(async () => {
  // slow.test is sent to a server that never answers: an include there times out.
  silent = await startSilentDns();
  world = await startDnsWorld(REAL_ZONES, { noDnsbl: true }, [
    { zone: 'slow.test', port: silent.port },
  ]);
  await Promise.all(
    Object.entries(REAL_PLANS).map(async ([name, plan]) => {
      docs[name] = await runVerification({ plan: planSchema.parse(plan), options: world.options });
    }),
  );
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([world?.stop(), silent?.stop()]);
});

function get(doc: string, check: string) {
  const found = (docs[doc]?.findings ?? []).filter((f) => f.check === check);
  expect(found, `${doc}: ${check}`).toHaveLength(1);
  return found[0]!;
}

type EvidenceAnswer = { view: string; outcome: string; chain?: string[]; chainBroken?: unknown };
const answersOf = (evidence: unknown): EvidenceAnswer[] =>
  (evidence as { lookup: { answers: EvidenceAnswer[] } }).lookup.answers;

describe('CNAME chains', () => {
  it('DKIM delegated by CNAME to another zone: present, matching, the chain in evidence for every view', () => {
    const present = get('shop', 'dkim.present');
    expect(present.status).toBe('pass');
    expect(present.detail).toContain(
      's1._domainkey.shop.test → s1.domainkey.u123.wl.mailservice.test → key',
    );
    const answers = answersOf(present.evidence);
    expect(answers.some((a) => a.view.startsWith('authoritative:'))).toBe(true);
    for (const a of answers) {
      expect(a.outcome, a.view).toBe('answer');
      expect(a.chain, a.view).toEqual([
        's1._domainkey.shop.test',
        's1.domainkey.u123.wl.mailservice.test',
      ]);
    }
    expect(get('shop', 'dkim.syntax').status).toBe('pass');
    expect(get('shop', 'dkim.matches').status).toBe('pass');
  });

  it('DMARC at _dmarc by CNAME to a report service: judged from the end of the chain', () => {
    expect(get('shop', 'dmarc.present').status).toBe('pass');
    expect(get('shop', 'dmarc.policy').status).toBe('pass');
  });

  it('dkim.matches compares the key at the end of the chain', () => {
    const matches = get('shopWrongKey', 'dkim.matches');
    expect(matches.status).toBe('fail');
  });

  it('a CNAME to another target than the plan says: dkim.present says which', () => {
    const present = get('shopWrongTarget', 'dkim.present');
    expect(present.status).toBe('warn');
    expect(present.detail).toContain('s2.domainkey.u123.wl.mailservice.test');
  });

  it('a dangling CNAME (target does not exist) is its own finding naming the broken link', () => {
    const present = get('dangling', 'dkim.present');
    expect(present.status).toBe('fail');
    expect(present.title).toContain('does not exist');
    expect(present.detail).toContain(
      's1._domainkey.dangling.test is a CNAME (an alias) for s1.domainkey.u999.wl.mailservice.test, which does not exist',
    );
    expect(present.evidence?.['brokenLink']).toEqual({
      kind: 'dangling',
      from: 's1._domainkey.dangling.test',
      to: 's1.domainkey.u999.wl.mailservice.test',
    });
    const dmarc = get('dangling', 'dmarc.present');
    expect(dmarc.status).toBe('fail');
    expect(dmarc.detail).toContain('nowhere.dangling.test, which does not exist');
  });

  it('a CNAME loop is its own finding naming the link that closes it', () => {
    const present = get('loop', 'dkim.present');
    expect(present.status).toBe('fail');
    expect(present.title).toContain('circle');
    expect(present.evidence?.['brokenLink']).toEqual({
      kind: 'loop',
      from: 's1.loop-back.test',
      to: 's1._domainkey.loop.test',
    });
  });
});

describe('DMARC for a subdomain sender', () => {
  it('a subdomain without its own record is covered by the parent: pass, naming the record and sp=', () => {
    const present = get('news', 'dmarc.present');
    expect(present.status).toBe('pass');
    expect(present.title).toContain('corp.test');
    expect(present.detail).toContain('_dmarc.corp.test');
    expect(present.detail).toContain('sp=quarantine');
    expect(present.evidence?.['applied']).toMatchObject({
      name: '_dmarc.corp.test',
      policy: { tag: 'sp', value: 'quarantine' },
      inherited: true,
    });
    expect(get('news', 'dmarc.policy').status).toBe('pass');
    expect(get('news', 'dmarc.policy').detail).toContain('sp=quarantine');
  });

  it('a report address at the organizational domain needs no external authorization', () => {
    const reports = get('news', 'dmarc.reports');
    expect(reports.status).toBe('pass');
  });

  it('a name that does not exist gets np=', () => {
    const present = get('ghost', 'dmarc.present');
    expect(present.status).toBe('pass');
    expect(present.evidence?.['applied']).toMatchObject({ policy: { tag: 'np', value: 'reject' } });
  });

  it('a parent with sp=none: warn, weaker than the plan asks', () => {
    const present = get('looseNews', 'dmarc.present');
    expect(present.status).toBe('warn');
    expect(present.detail).toContain('sp=none');
    expect(present.fix).toContain('_dmarc.news');
    expect(get('looseNews', 'dmarc.policy').status).toBe('warn');
  });
});

describe('SPF that breaks for everyone else', () => {
  it('an include whose target has no SPF record: spf.syntax fails naming it, although the server passes', () => {
    expect(get('spfNone', 'spf.authorizes').status).toBe('pass');
    const syntax = get('spfNone', 'spf.syntax');
    expect(syntax.status).toBe('fail');
    expect(syntax.title).toContain('include:nospf.mailservice.test');
    expect(syntax.detail).toContain('nospf.mailservice.test has no SPF record');
    expect(syntax.fix).toContain('include:nospf.mailservice.test');
    expect(syntax.evidence?.['brokenInclude']).toMatchObject({
      term: 'include:nospf.mailservice.test',
      problem: 'no-spf',
    });
  });

  it('an include with two SPF records: fail naming it; the include tree with per-include lookups is in evidence', () => {
    const syntax = get('spfTwo', 'spf.syntax');
    expect(syntax.status).toBe('fail');
    expect(syntax.detail).toContain('two.mailservice.test has 2 SPF records');
    const lookups = get('spfTwo', 'spf.lookups');
    const tree = lookups.evidence?.['includeTree'] as {
      ownLookups: number;
      totalLookups: number;
      children: { via: string; ownLookups: number; totalLookups: number }[];
    };
    expect(tree.ownLookups).toBe(2);
    expect(tree.children[0]).toMatchObject({
      via: 'include:_spf.mailservice.test',
      ownLookups: 1,
      totalLookups: 1,
    });
    expect(lookups.detail).toContain('include:_spf.mailservice.test (1 lookup');
  });

  it('an include whose record has a syntax error: fail with the mistake', () => {
    const syntax = get('spfBad', 'spf.syntax');
    expect(syntax.status).toBe('fail');
    expect(syntax.detail).toContain('the SPF record of bad.mailservice.test has a mistake');
  });

  it('an include that times out: unknown, never pass or fail', () => {
    const syntax = get('spfSlow', 'spf.syntax');
    expect(syntax.status).toBe('unknown');
    expect(syntax.detail).toContain('_spf.slow.test');
  });
});
