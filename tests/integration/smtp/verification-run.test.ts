import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpGroup, smtpProbeGroup } from '../../../main/probes/smtp/smtp-group';
import { runVerification } from '../../../main/verify/run-verification';
import type { VerifyProgress } from '../../../shared/checks/verify-progress';
import { planSchema } from '../../../shared/model/plan';
import { SMTP_PLAN, SMTP_ZONES } from '../../fixtures/smtp/loopback-zones';
import { startKnot, type KnotPeer } from '../../peers/knot';
import { startPostfix, type PostfixPeer } from '../../peers/postfix';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';
import { guardLoopback } from './loopback-guard';

let knot: KnotPeer;
let unbound: UnboundPeer;
let postfix: PostfixPeer;

beforeAll(async () => {
  knot = await startKnot({ zones: SMTP_ZONES });
  unbound = await startUnbound({
    stubs: Object.keys(SMTP_ZONES).map((zone) => ({ zone, port: knot.port })),
  });
  postfix = await startPostfix({ hostname: SMTP_PLAN.mailHost });
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop(), postfix?.stop()]);
});

describe('SMTP findings in a full verification run', () => {
  it('join the run, its progress stream and its document, from the published A record', async () => {
    const events: VerifyProgress[] = [];
    const guard = guardLoopback();
    try {
      const doc = await runVerification({
        plan: planSchema.parse(SMTP_PLAN),
        options: {
          resolvers: [unbound.address],
          nsPort: knot.port,
          noDnsbl: true,
          timeoutMs: 1500,
          smtpPort: postfix.port,
          controlMx: 'none',
        },
        groups: [createSmtpGroup({ submissionPorts: false })],
        onProgress: (e) => events.push(e),
      });
      const smtp = doc.findings.filter((f) => f.check.startsWith('smtp.'));
      expect(Object.fromEntries(smtp.map((f) => [f.check, f.status]))).toEqual({
        'smtp.network': 'pass',
        'smtp.reachable': 'pass',
        // Unbound answers the PTR of 127.0.0.1 itself ("localhost"): the run's PTR reaches the banner check.
        'smtp.banner': 'warn',
        'smtp.ehlo': 'pass',
        'smtp.starttls': 'pass',
        'smtp.certificate': 'warn',
      });
      expect(smtp.every((f) => f.subject === '127.0.0.1')).toBe(true);
      expect(smtp.find((f) => f.check === 'smtp.banner')?.title).toBe(
        'The greeting names mail.smtp.test, but the PTR of 127.0.0.1 says localhost',
      );
      const started = events.filter((e) => e.type === 'check-started' && e.check === 'smtp.banner');
      const finished = events.filter(
        (e) => e.type === 'check-finished' && e.finding.check === 'smtp.banner',
      );
      expect(started).toHaveLength(1);
      expect(finished).toHaveLength(1);
      expect(guard.hosts.every((h) => h === '127.0.0.1')).toBe(true);
    } finally {
      guard.restore();
    }
  });

  it('emits nothing with --no-smtp', async () => {
    expect(smtpProbeGroup.enabled?.({ noSmtp: true })).toBe(false);
    const doc = await runVerification({
      plan: planSchema.parse(SMTP_PLAN),
      options: {
        resolvers: [unbound.address],
        nsPort: knot.port,
        noDnsbl: true,
        timeoutMs: 1500,
        noSmtp: true,
      },
      groups: [smtpProbeGroup],
    });
    expect(
      doc.findings.filter((f) => f.check.startsWith('smtp.') || f.check === 'submission.ports'),
    ).toEqual([]);
  });
});
