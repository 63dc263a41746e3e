import { describe, expect, it } from 'vitest';
import type { EvalContext } from '../../../shared/checks/eval-context';
import { unknownFinding } from '../../../shared/checks/finding-make';
import { suggestedDmarc } from '../../../shared/checks/dmarc-checks';
import { ptrRequestFix } from '../../../shared/checks/ptr-checks';
import { evaluatePropagation } from '../../../shared/checks/propagation';
import { suggestedSpf } from '../../../shared/checks/spf-checks';
import { planSchema, type PlanInput } from '../../../shared/model/plan';
import { planRecords } from '../../../shared/records/plan-records';
import { recordCheck } from '../../../shared/summary/record-status';
import { txtValues, type ObservedAnswer } from '../../../shared/checks/dns-observation';
import { agreed, txt } from './build-observations';

// Fix texts are built from the plan and the run's own findings, never from assumptions: they
// must not contradict the Records step or what the run saw.

const ctx = (over: Partial<PlanInput> = {}): EvalContext => ({
  plan: planSchema.parse({
    domain: 'bakery.test',
    mailHost: 'mail.bakery.test',
    ipv4: ['192.0.2.10'],
    ipv6: [],
    mode: 'send-only',
    senders: ['google-workspace'],
    dmarc: { policy: 'none', rua: 'mailto:reports@bakery.test' },
    ...over,
  }),
  observedAt: '2026-12-07T10:00:00.000Z',
});

const planned = (c: EvalContext, key: string) =>
  planRecords(c.plan).find((r) => r.key === key)?.value;

describe('fix texts say what the Records step says', () => {
  it('the DMARC fix keeps the planned rua=, or the postmaster default the plan explains', () => {
    const c = ctx();
    expect(suggestedDmarc(c)).toBe('v=DMARC1; p=none; rua=mailto:reports@bakery.test');
    expect(suggestedDmarc(c)).toBe(planned(c, 'dmarc'));
    const noRua = ctx({ dmarc: { policy: 'quarantine' } });
    expect(suggestedDmarc(noRua)).toBe(planned(noRua, 'dmarc'));
    expect(suggestedDmarc(noRua)).toContain('rua=mailto:postmaster@bakery.test');
  });

  it("the SPF fix is the planner's record, with the senders' includes", () => {
    const c = ctx();
    expect(suggestedSpf(c)).toBe(planned(c, 'spf'));
    expect(suggestedSpf(c)).toContain('include:_spf.google.com');
  });
});

describe('fix texts follow the run', () => {
  it('the PTR request says the name "already points" to the address only when the run saw it', () => {
    const c = ctx();
    const seen = ptrRequestFix('192.0.2.10', c, ['192.0.2.10']);
    expect(seen).toContain('The forward record mail.bakery.test already points to 192.0.2.10.');
    const missing = ptrRequestFix('192.0.2.10', c, []);
    expect(missing).not.toContain('already points');
    expect(missing).toContain(
      'First add the A record of mail.bakery.test with the value 192.0.2.10',
    );
    const elsewhere = ptrRequestFix('192.0.2.10', c, ['198.51.100.7']);
    expect(elsewhere).not.toContain('already points');
    expect(elsewhere).toContain('it points to 198.51.100.7 today');
    const unknown = ptrRequestFix('192.0.2.10', c, undefined);
    expect(unknown).not.toContain('already points');
    expect(unknown).toContain('make sure mail.bakery.test points to 192.0.2.10');
  });

  it('propagation on a first check: another provider\'s records are not "every record visible"', () => {
    const c = ctx();
    // Google's SPF is at the domain, the same from every view; nothing of the plan is published.
    const spf = agreed('bakery.test', 'TXT', 'answer', [
      txt('bakery.test', 'v=spf1 include:_spf.google.com ~all'),
    ]);
    const values = (a: ObservedAnswer) => txtValues(a);
    const f = evaluatePropagation(
      [
        {
          what: 'SPF record of bakery.test',
          lookup: spf,
          values,
          isPlanned: (v) => v.some((t) => t.includes('ip4:192.0.2.10')),
        },
      ],
      c,
    );
    expect(f.status).toBe('info');
    expect(f.title).toBe('Nothing published yet to watch');
    expect(f.title).not.toContain('visible everywhere');
  });

  it('a record that needs fixing never also says "Nothing to change"', () => {
    const c = ctx();
    const spf = planRecords(c.plan).find((r) => r.key === 'spf');
    const run = [
      {
        check: 'spf.present' as const,
        subject: 'bakery.test',
        status: 'pending' as const,
        title: 'Published, not yet visible everywhere',
        detail: 'Some resolvers still have the old answer.',
        fix: 'Nothing to change. Wait, then check again.',
      },
      {
        check: 'spf.syntax' as const,
        subject: 'bakery.test',
        status: 'fail' as const,
        title: 'The SPF record has a mistake',
        detail: 'x',
        fix: 'Edit it.',
      },
    ];
    const r = recordCheck(spf!, run);
    expect(r.status).toBe('fail');
    expect(r.findings.map((x) => x.fix ?? '').join(' ')).not.toContain('Nothing to change');
    // Alone, the waiting advice stays.
    expect(recordCheck(spf!, [run[0]!]).findings[0]?.fix).toContain('Nothing to change');
  });

  it('"run the check on the server" always gives the whole command, with --plan', () => {
    const f = unknownFinding('mx.present', 'bakery.test', 'no answer in time');
    expect(f.fix).toContain('npx mailwright check --plan ');
    expect(f.fix).not.toMatch(/`npx mailwright check`/);
  });
});
