import type { Finding } from '../../shared/checks/finding';
import type { EvalContext } from '../../shared/checks/eval-context';
import type { DkimObservation } from '../../shared/checks/observations';
import { checksOfGroup } from '../../shared/checks/catalogue';
import {
  evaluateSpfAll,
  evaluateSpfAuthorizes,
  evaluateSpfHelo,
  evaluateSpfLookups,
  evaluateSpfPresent,
  evaluateSpfSenders,
  evaluateSpfSingle,
  evaluateSpfSyntax,
} from '../../shared/checks/spf-checks';
import {
  evaluateDkimKeyStrength,
  evaluateDkimMatches,
  evaluateDkimPresent,
  evaluateDkimSyntax,
  evaluateDkimTesting,
} from '../../shared/checks/dkim-checks';
import {
  evaluateDmarcMisplaced,
  evaluateDmarcPolicy,
  evaluateDmarcPresent,
  evaluateDmarcReports,
  evaluateDmarcSingle,
  evaluateDmarcSyntax,
} from '../../shared/checks/dmarc-checks';
import { dkimName } from '../../shared/checks/dkim-selectors';
import { gatherAdditionalDkim, gatherDkim, gatherDmarc } from './gather-records';
import { gatherSpf } from './gather-spf';
import type { DnsRun, GroupRun } from './dns-run';

/** The domain's SPF record, with its includes followed. */
export function spfGroup(r: DnsRun): GroupRun {
  const checks = checksOfGroup('spf');
  const { plan, lookups, options, signal } = r.s;
  return {
    checks,
    run: async () => {
      r.startAll(checks, plan.domain);
      const o = await gatherSpf(lookups, plan, options.timeoutMs ?? 3000, signal);
      const ctx = await r.ctxFor();
      r.emitAll([
        evaluateSpfPresent(o, ctx),
        evaluateSpfSingle(o, ctx),
        evaluateSpfSyntax(o, ctx),
        ...evaluateSpfAuthorizes(o, ctx),
        evaluateSpfLookups(o, ctx),
        evaluateSpfAll(o, ctx),
        evaluateSpfSenders(o, ctx),
        evaluateSpfHelo(o, ctx),
      ]);
    },
  };
}

/** Every DKIM judgement of one key's record. */
function judgeDkim(o: DkimObservation, ctx: EvalContext): (Finding | null)[] {
  return [
    evaluateDkimPresent(o, ctx),
    evaluateDkimSyntax(o, ctx),
    evaluateDkimKeyStrength(o, ctx),
    evaluateDkimMatches(o, ctx),
    evaluateDkimTesting(o, ctx),
  ];
}

/**
 * Every DKIM key the plan publishes, each judged on its own under its own record name, so a
 * missing Ed25519 record fails even while the RSA one passes.
 */
export function dkimGroup(r: DnsRun): GroupRun {
  const { plan, lookups } = r.s;
  const extraKeys = plan.dkim?.additional ?? [];
  // dkim.matches needs a key to compare with: the main key's, when the plan has it.
  const mainChecks = checksOfGroup('dkim').filter(
    (c) => c !== 'dkim.matches' || plan.dkim?.publicKey,
  );
  return {
    checks: extraKeys.length > 0 ? checksOfGroup('dkim') : mainChecks,
    run: async () => {
      r.startAll(mainChecks, dkimName(plan.dkim?.selector ?? 'default', plan.domain));
      for (const extra of extraKeys)
        r.startAll(checksOfGroup('dkim'), dkimName(extra.selector, plan.domain));
      await Promise.all([
        gatherDkim(lookups, plan).then(async (o) => r.emitAll(judgeDkim(o, await r.ctxFor()))),
        ...extraKeys.map(async (extra) => {
          const o = await gatherAdditionalDkim(lookups, plan, extra);
          r.emitAll(judgeDkim(o, await r.ctxFor()));
        }),
      ]);
    },
  };
}

/** The domain's DMARC record. */
export function dmarcGroup(r: DnsRun): GroupRun {
  const checks = checksOfGroup('dmarc');
  return {
    checks,
    run: async () => {
      r.startAll(checks, `_dmarc.${r.s.plan.domain}`);
      const o = await gatherDmarc(r.s.lookups, r.s.plan);
      const ctx = await r.ctxFor();
      r.emitAll([
        evaluateDmarcPresent(o, ctx),
        evaluateDmarcSingle(o, ctx),
        evaluateDmarcSyntax(o, ctx),
        evaluateDmarcPolicy(o, ctx),
        evaluateDmarcReports(o, ctx),
        evaluateDmarcMisplaced(o, ctx),
      ]);
    },
  };
}
