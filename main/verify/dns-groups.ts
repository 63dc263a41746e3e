import type { CheckId } from '../../shared/checks/catalogue';
import type { Finding } from '../../shared/checks/finding';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { EvalContext } from '../../shared/checks/eval-context';
import type {
  DkimObservation,
  DomainObservation,
  HostObservation,
  PtrObservation,
} from '../../shared/checks/observations';
import type { Plan } from '../../shared/model/plan';
import { checksOfGroup } from '../../shared/checks/catalogue';
import { evaluateDelegated, evaluateNameservers } from '../../shared/checks/domain-checks';
import { detectDnsHost } from '../../shared/providers/dns-host-detect';
import { dnsHostName, evaluateDnsHostDetected } from '../../shared/checks/dnshost-check';
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
import { evaluateDnsbl } from '../../shared/checks/dnsbl-checks';
import { evaluatePropagation } from '../../shared/checks/propagation';
import { dkimName } from '../../shared/checks/dkim-selectors';
import type { DnsViews } from '../dns/views';
import { probeDnsbl } from '../probes/dnsbl/dnsbl-probe';
import type { RunLookups } from './run-lookups';
import type { SharedFacts } from './probe-group';
import { gatherDomain } from './gather-domain';
import {
  gatherAdditionalDkim,
  gatherDkim,
  gatherDmarc,
  gatherHost,
  gatherMx,
  gatherPtr,
} from './gather-records';
import { gatherSpf } from './gather-spf';
import { expectedRecords } from './expected-records';
import { addressesOf } from '../../shared/checks/visibility';
import { publishedAnswer } from '../../shared/checks/dns-observation';

/** What the DNS groups share within one run. */
export interface DnsGroupState {
  plan: Plan;
  options: VerifyOptions;
  lookups: RunLookups;
  views: DnsViews;
  now: () => Date;
  signal?: AbortSignal;
  start(check: string, subject: string): void;
  emit(finding: Finding): void;
}

/** One group's work: the checks it answers for, and the run. */
export interface GroupRun {
  checks: readonly CheckId[];
  run(): Promise<void>;
}

/** The NS names of the domain, from discovery and from every view's NS answer. */
function nsNamesOf(d: DomainObservation): string[] {
  const fromAnswers = d.ns.answers.flatMap((a) =>
    a.answer.records.flatMap((r) =>
      r.type === 'NS' ? [r.target.toLowerCase().replace(/\.$/, '')] : [],
    ),
  );
  return [...new Set([...d.nameservers.map((n) => n.name), ...fromAnswers])];
}

/**
 * A gathering started early and awaited later, by the groups that need it: a rejection before its
 * first await must not count as unhandled (Node ends the process on one, which would end
 * `mailwright serve`); the groups still see it and turn it into `unknown` findings.
 */
function awaitedLater<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * The DNS, DNSBL and propagation groups of a run. Every group gathers at once; a group waits for
 * the domain's observations only before judging (for the negative TTL and the DNS host's name),
 * never before asking.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function dnsGroups(s: DnsGroupState): { runs: GroupRun[]; facts: SharedFacts } {
  const { plan, lookups: l } = s;
  const ips = [...plan.ipv4, ...plan.ipv6];
  const timeoutMs = s.options.timeoutMs ?? 3000;

  const domainObs = awaitedLater(gatherDomain(l, plan.domain));
  const hostObs = awaitedLater(gatherHost(l, plan));
  const ptrObs = new Map<string, Promise<PtrObservation>>(
    ips.map((ip) => [ip, awaitedLater(gatherPtr(l, ip))]),
  );
  const ctxFor = async (): Promise<EvalContext> => {
    const d = await domainObs;
    const detected = detectDnsHost(nsNamesOf(d));
    const hostId = plan.dnsHost && plan.dnsHost !== 'other' ? plan.dnsHost : detected?.id;
    const ctx: EvalContext = { plan, observedAt: s.now().toISOString() };
    if (d.negativeTtl !== undefined) ctx.negativeTtl = d.negativeTtl;
    if (d.zone !== undefined) ctx.zone = d.zone;
    if (hostId) {
      ctx.dnsHostName = dnsHostName(hostId);
      ctx.dnsHostId = hostId;
    }
    return ctx;
  };
  const startAll = (checks: readonly CheckId[], subject: string): void =>
    checks.forEach((c) => s.start(c, subject));
  const emitAll = (fs: (Finding | null)[]): void => fs.forEach((f) => f && s.emit(f));

  const domainChecks: CheckId[] = ['domain.delegated', 'domain.nameservers', 'dnshost.detected'];
  const hostChecks: CheckId[] = [
    'host.a',
    'host.aaaa',
    'host.not-cname',
    'host.proxied',
    'host.doubled-name',
  ];
  const ptrChecks = checksOfGroup('ptr');
  const spfChecks = checksOfGroup('spf');
  const extraKeys = plan.dkim?.additional ?? [];
  // dkim.matches needs a key to compare with: the main key's, when the plan has it.
  const mainDkimChecks = checksOfGroup('dkim').filter(
    (c) => c !== 'dkim.matches' || plan.dkim?.publicKey,
  );
  const dkimChecks = extraKeys.length > 0 ? checksOfGroup('dkim') : mainDkimChecks;
  const judgeDkim = (o: DkimObservation, ctx: EvalContext): (Finding | null)[] => [
    evaluateDkimPresent(o, ctx),
    evaluateDkimSyntax(o, ctx),
    evaluateDkimKeyStrength(o, ctx),
    evaluateDkimMatches(o, ctx),
    evaluateDkimTesting(o, ctx),
  ];
  const dmarcChecks = checksOfGroup('dmarc');

  const runs: GroupRun[] = [
    {
      checks: domainChecks,
      run: async () => {
        startAll(domainChecks, plan.domain);
        const d = await domainObs;
        const ctx = await ctxFor();
        emitAll([
          evaluateDelegated(d, ctx),
          evaluateNameservers(d, ctx),
          evaluateDnsHostDetected(nsNamesOf(d), ctx),
        ]);
      },
    },
    {
      checks: hostChecks,
      run: async () => {
        startAll(hostChecks, plan.mailHost);
        const h = await hostObs;
        const d = await domainObs;
        const ctx = await ctxFor();
        emitAll([
          evaluateHostA(h, ctx),
          evaluateHostAaaa(h, ctx),
          evaluateNotCname(h, ctx),
          evaluateProxied(h, nsNamesOf(d), ctx),
          evaluateDoubledName(h, ctx),
        ]);
      },
    },
    {
      checks: ['mx.present', 'mx.target'],
      run: async () => {
        startAll(['mx.present', 'mx.target'], plan.domain);
        const m = await gatherMx(l, plan);
        const ctx = await ctxFor();
        emitAll([evaluateMxPresent(m, ctx), evaluateMxTarget(m, ctx)]);
      },
    },
    {
      checks: ptrChecks,
      run: async () => {
        await Promise.all(
          ips.map(async (ip) => {
            startAll(ptrChecks, ip);
            // The fix's request says "the name already points to this address" only when it does.
            const forward = await hostObs.then(
              (h) => {
                const a = publishedAnswer(h.a);
                const aaaa = publishedAnswer(h.aaaa);
                return a && aaaa ? [...addressesOf(a), ...addressesOf(aaaa)] : undefined;
              },
              () => undefined,
            );
            const p: PtrObservation = {
              ...(await (ptrObs.get(ip) as Promise<PtrObservation>)),
              ...(forward ? { mailHostAddresses: forward } : {}),
            };
            const ctx = await ctxFor();
            emitAll([
              evaluatePtrPresent(p, ctx),
              evaluatePtrMatches(p, ctx),
              evaluateFcrdns(p, ctx),
            ]);
          }),
        );
      },
    },
    {
      checks: spfChecks,
      run: async () => {
        startAll(spfChecks, plan.domain);
        const o = await gatherSpf(l, plan, timeoutMs, s.signal);
        const ctx = await ctxFor();
        emitAll([
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
    },
    {
      checks: dkimChecks,
      run: async () => {
        // Every key the plan publishes is judged on its own, under its own record name, so a
        // missing Ed25519 record fails even while the RSA one passes.
        startAll(mainDkimChecks, dkimName(plan.dkim?.selector ?? 'default', plan.domain));
        for (const extra of extraKeys)
          startAll(checksOfGroup('dkim'), dkimName(extra.selector, plan.domain));
        await Promise.all([
          (async () => {
            const o = await gatherDkim(l, plan);
            emitAll(judgeDkim(o, await ctxFor()));
          })(),
          ...extraKeys.map(async (extra) => {
            const o = await gatherAdditionalDkim(l, plan, extra);
            emitAll(judgeDkim(o, await ctxFor()));
          }),
        ]);
      },
    },
    {
      checks: dmarcChecks,
      run: async () => {
        startAll(dmarcChecks, `_dmarc.${plan.domain}`);
        const o = await gatherDmarc(l, plan);
        const ctx = await ctxFor();
        emitAll([
          evaluateDmarcPresent(o, ctx),
          evaluateDmarcSingle(o, ctx),
          evaluateDmarcSyntax(o, ctx),
          evaluateDmarcPolicy(o, ctx),
          evaluateDmarcReports(o, ctx),
          evaluateDmarcMisplaced(o, ctx),
        ]);
      },
    },
    {
      checks: ['dnsbl.ip', 'dnsbl.domain'],
      run: async () => {
        if (s.options.noDnsbl) return;
        startAll(['dnsbl.ip', 'dnsbl.domain'], plan.domain);
        const o = await probeDnsbl({
          ips,
          domain: plan.domain,
          ...(s.options.dnsblZones ? { zones: s.options.dnsblZones } : {}),
          ...(s.options.dqsKey ? { dqsKey: s.options.dqsKey } : {}),
          view: s.views.systemView ?? s.views.recursive,
        });
        const ctx = await ctxFor();
        const fs = evaluateDnsbl(o, ctx);
        emitAll(fs);
        // A check with no subject this run (no IP list given, no domain list) is not left hanging.
        for (const c of ['dnsbl.ip', 'dnsbl.domain'] as const) {
          if (!fs.some((f) => f.check === c)) {
            emitAll([
              {
                check: c,
                subject: c === 'dnsbl.ip' ? (ips[0] ?? plan.domain) : plan.domain,
                status: 'info',
                title: 'No block list of this kind was asked',
                detail: 'The block lists given for this run do not cover this.',
              },
            ]);
          }
        }
      },
    },
    {
      checks: ['propagation'],
      run: async () => {
        s.start('propagation', plan.domain);
        const records = await expectedRecords(l, plan, ptrObs);
        const ctx = await ctxFor();
        s.emit(evaluatePropagation(records, ctx));
      },
    },
  ];

  const facts: SharedFacts = {
    mailHostAddresses: async () => {
      try {
        const h: HostObservation = await hostObs;
        const found = [
          ...addressesOf(publishedAnswer(h.a)),
          ...addressesOf(publishedAnswer(h.aaaa)),
        ];
        return found.length > 0 ? found : ips;
      } catch {
        return ips;
      }
    },
    ptrNames: async (ip) => {
      const p = ptrObs.get(ip);
      if (!p) return [];
      try {
        const o = await p;
        const a = publishedAnswer(o.ptr);
        return a
          ? a.records.flatMap((r) =>
              r.type === 'PTR' ? [r.target.toLowerCase().replace(/\.$/, '')] : [],
            )
          : [];
      } catch {
        return [];
      }
    },
  };
  return { runs, facts };
}
