import type { CheckId } from '../../shared/checks/catalogue';
import type { PtrObservation } from '../../shared/checks/observations';
import { checksOfGroup } from '../../shared/checks/catalogue';
import { evaluateDelegated, evaluateNameservers } from '../../shared/checks/domain-checks';
import { evaluateDnsHostDetected } from '../../shared/checks/dnshost-check';
import {
  evaluateDoubledName,
  evaluateHostA,
  evaluateHostAaaa,
  evaluateNotCname,
  evaluateProxied,
} from '../../shared/checks/host-checks';
import { evaluateMxPresent, evaluateMxTarget } from '../../shared/checks/mx-checks';
import {
  evaluateFcrdns,
  evaluatePtrMatches,
  evaluatePtrPresent,
} from '../../shared/checks/ptr-checks';
import { addressesOf } from '../../shared/checks/visibility';
import { publishedAnswer } from '../../shared/checks/dns-observation';
import { gatherMx } from './gather-records';
import { nsNamesOf, type DnsRun, type GroupRun } from './dns-run';

/** The domain's delegation, its nameservers and the DNS host they reveal. */
export function domainGroup(r: DnsRun): GroupRun {
  const checks: CheckId[] = ['domain.delegated', 'domain.nameservers', 'dnshost.detected'];
  return {
    checks,
    run: async () => {
      r.startAll(checks, r.s.plan.domain);
      const d = await r.domainObs;
      const ctx = await r.ctxFor();
      r.emitAll([
        evaluateDelegated(d, ctx),
        evaluateNameservers(d, ctx),
        evaluateDnsHostDetected(nsNamesOf(d), ctx),
      ]);
    },
  };
}

/** The mail host's name: its addresses, not a CNAME, not behind a proxy, not doubled. */
export function hostGroup(r: DnsRun): GroupRun {
  const checks: CheckId[] = [
    'host.a',
    'host.aaaa',
    'host.not-cname',
    'host.proxied',
    'host.doubled-name',
  ];
  return {
    checks,
    run: async () => {
      r.startAll(checks, r.s.plan.mailHost);
      const h = await r.hostObs;
      const d = await r.domainObs;
      const ctx = await r.ctxFor();
      r.emitAll([
        evaluateHostA(h, ctx),
        evaluateHostAaaa(h, ctx),
        evaluateNotCname(h, ctx),
        evaluateProxied(h, nsNamesOf(d), ctx),
        evaluateDoubledName(h, ctx),
      ]);
    },
  };
}

/** The domain's MX record and where it points. */
export function mxGroup(r: DnsRun): GroupRun {
  const checks: CheckId[] = ['mx.present', 'mx.target'];
  return {
    checks,
    run: async () => {
      r.startAll(checks, r.s.plan.domain);
      const m = await gatherMx(r.s.lookups, r.s.plan);
      const ctx = await r.ctxFor();
      r.emitAll([evaluateMxPresent(m, ctx), evaluateMxTarget(m, ctx)]);
    },
  };
}

/** The mail host's published addresses, when both A and AAAA answered (else undefined). */
async function forwardAddresses(r: DnsRun): Promise<string[] | undefined> {
  return r.hostObs.then(
    (h) => {
      const a = publishedAnswer(h.a);
      const aaaa = publishedAnswer(h.aaaa);
      return a && aaaa ? [...addressesOf(a), ...addressesOf(aaaa)] : undefined;
    },
    () => undefined,
  );
}

/** Reverse DNS of every server address: present, matching, forward-confirmed. */
export function ptrGroup(r: DnsRun): GroupRun {
  const checks = checksOfGroup('ptr');
  return {
    checks,
    run: async () => {
      await Promise.all(
        r.ips.map(async (ip) => {
          r.startAll(checks, ip);
          // The fix's request says "the name already points to this address" only when it does.
          const forward = await forwardAddresses(r);
          const p: PtrObservation = {
            ...(await (r.ptrObs.get(ip) as Promise<PtrObservation>)),
            ...(forward ? { mailHostAddresses: forward } : {}),
          };
          const ctx = await r.ctxFor();
          r.emitAll([
            evaluatePtrPresent(p, ctx),
            evaluatePtrMatches(p, ctx),
            evaluateFcrdns(p, ctx),
          ]);
        }),
      );
    },
  };
}
