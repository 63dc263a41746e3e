import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateDelegated, evaluateNameservers } from '../../../shared/checks/domain-checks';
import {
  evaluateDoubledName,
  evaluateHostA,
  evaluateHostAaaa,
  evaluateNotCname,
  evaluateProxied,
} from '../../../shared/checks/host-checks';
import { evaluateMxPresent, evaluateMxTarget } from '../../../shared/checks/mx-checks';
import {
  evaluateFcrdns,
  evaluatePtrMatches,
  evaluatePtrPresent,
} from '../../../shared/checks/ptr-checks';
import * as spf from '../../../shared/checks/spf-checks';
import * as dkim from '../../../shared/checks/dkim-checks';
import * as dmarc from '../../../shared/checks/dmarc-checks';
import { evaluateDnsbl } from '../../../shared/checks/dnsbl-checks';
import { evaluatePropagation } from '../../../shared/checks/propagation';
import { planSchema } from '../../../shared/model/plan';
import type { Finding } from '../../../shared/checks/finding';
import type { ObservedOutcome } from '../../../shared/checks/dns-observation';
import { answer, lookup } from './build-observations';

// The rule of docs/CHECKS.md: a probe that could not run yields `unknown`, never fail or pass.
// Whatever mix of timeouts, SERVFAIL, REFUSED and errors the views return, no DNS check judges.

const failure = fc.constantFrom<ObservedOutcome>('timeout', 'servfail', 'refused', 'error');
const views = fc.array(
  fc.tuple(
    fc.constantFrom('authoritative', 'public', 'system') as fc.Arbitrary<
      'authoritative' | 'public' | 'system'
    >,
    failure,
  ),
  { minLength: 1, maxLength: 4 },
);

describe('a check whose probe could not run', () => {
  it('is unknown (or says it was not checked), never pass, fail or pending', () => {
    fc.assert(
      fc.property(views, fc.boolean(), (vs, sendOnly) => {
        const L = (name: string, type: Parameters<typeof lookup>[1]) =>
          lookup(
            name,
            type,
            vs.map(([kind, o]) => ({
              kind,
              answer: answer(name, type, o, [], { error: `${o} from the test` }),
            })),
          );
        const plan = planSchema.parse({
          domain: 'example.test',
          mailHost: 'mail.example.test',
          ipv4: ['192.0.2.25'],
          mode: sendOnly ? 'send-only' : 'send-receive',
          senders: [{ id: 'other', include: '_spf.example.net' }],
          dkim: { selector: 'mail', publicKey: 'MIIB' },
        });
        const ctx = { plan, observedAt: '2026-11-22T10:00:00Z' };
        const d = {
          soa: L('example.test', 'SOA'),
          ns: L('example.test', 'NS'),
          nameservers: [],
          discoveryError: 'no resolver answered',
        };
        const h = {
          a: L('mail.example.test', 'A'),
          aaaa: L('mail.example.test', 'AAAA'),
          cname: L('mail.example.test', 'CNAME'),
          doubled: [L('mail.example.test.example.test', 'A')],
        };
        const mx = { mx: L('example.test', 'MX'), targets: [] };
        const p = {
          ip: '192.0.2.25',
          reverseName: '25.2.0.192.in-addr.arpa',
          ptr: L('25.2.0.192.in-addr.arpa', 'PTR'),
          forward: [],
        };
        const s = {
          apex: L('example.test', 'TXT'),
          helo: L('mail.example.test', 'TXT'),
          evaluations: [],
          evaluationError: 'DNS failed',
          senders: [{ id: 'other', name: 'Other', include: '_spf.example.net' }],
        };
        const k = {
          selector: 'mail',
          lookup: L('mail._domainkey.example.test', 'TXT'),
          keys: [],
          otherSelectors: [],
        };
        const m = {
          lookup: L('_dmarc.example.test', 'TXT'),
          misplaced: [L('example.test', 'TXT')],
          reportAuth: [],
        };
        const bl = {
          queries: [
            {
              list: 'spamhaus-zen',
              zone: 'zen.spamhaus.org',
              subject: '192.0.2.25',
              a: L('25.2.0.192.zen.spamhaus.org', 'A'),
            },
          ],
        };
        const findings: (Finding | null)[] = [
          evaluateDelegated(d, ctx),
          evaluateNameservers(d, ctx),
          evaluateHostA(h, ctx),
          evaluateHostAaaa(h, ctx),
          evaluateNotCname(h, ctx),
          evaluateProxied(h, [], ctx),
          evaluateDoubledName(h, ctx),
          evaluateMxPresent(mx, ctx),
          evaluateMxTarget(mx, ctx),
          evaluatePtrPresent(p, ctx),
          evaluatePtrMatches(p, ctx),
          evaluateFcrdns(p, ctx),
          spf.evaluateSpfPresent(s, ctx),
          spf.evaluateSpfSingle(s, ctx),
          spf.evaluateSpfSyntax(s, ctx),
          ...spf.evaluateSpfAuthorizes(s, ctx),
          spf.evaluateSpfLookups(s, ctx),
          spf.evaluateSpfAll(s, ctx),
          spf.evaluateSpfSenders(s, ctx),
          spf.evaluateSpfHelo(s, ctx),
          dkim.evaluateDkimPresent(k, ctx),
          dkim.evaluateDkimSyntax(k, ctx),
          dkim.evaluateDkimKeyStrength(k, ctx),
          dkim.evaluateDkimMatches(k, ctx),
          dkim.evaluateDkimTesting(k, ctx),
          dmarc.evaluateDmarcPresent(m, ctx),
          dmarc.evaluateDmarcSingle(m, ctx),
          dmarc.evaluateDmarcSyntax(m, ctx),
          dmarc.evaluateDmarcPolicy(m, ctx),
          dmarc.evaluateDmarcReports(m, ctx),
          dmarc.evaluateDmarcMisplaced(m, ctx),
          ...evaluateDnsbl(bl, ctx),
          evaluatePropagation([{ what: 'SPF', lookup: s.apex, values: () => [] }], ctx),
        ];
        for (const f of findings) {
          if (!f) continue;
          expect(['unknown', 'info'], `${f.check}: ${f.status} ${f.detail}`).toContain(f.status);
          if (f.status === 'unknown') expect(f.detail).toMatch(/Could not|could not/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
