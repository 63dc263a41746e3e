import type { CheckId } from '../../shared/checks/catalogue';
import type { Finding } from '../../shared/checks/finding';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { EvalContext } from '../../shared/checks/eval-context';
import type {
  DomainObservation,
  HostObservation,
  PtrObservation,
} from '../../shared/checks/observations';
import type { Plan } from '../../shared/model/plan';
import { detectDnsHost } from '../../shared/providers/dns-host-detect';
import { dnsHostName } from '../../shared/checks/dnshost-check';
import type { DnsViews } from '../dns/views';
import type { RunLookups } from './run-lookups';
import { gatherDomain } from './gather-domain';
import { gatherHost, gatherPtr } from './gather-records';

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

/**
 * One run's DNS state as the groups see it: the gatherings several groups wait for (started once,
 * at the start), the judging context, and the two ways a group reports.
 */
export interface DnsRun {
  s: DnsGroupState;
  /** The plan's server addresses, IPv4 then IPv6. */
  ips: string[];
  domainObs: Promise<DomainObservation>;
  hostObs: Promise<HostObservation>;
  /** One PTR gathering per plan address. */
  ptrObs: Map<string, Promise<PtrObservation>>;
  /** The context every judgement gets (waits for the domain's observations). */
  ctxFor(): Promise<EvalContext>;
  startAll(checks: readonly CheckId[], subject: string): void;
  emitAll(fs: (Finding | null)[]): void;
}

/** The NS names of the domain, from discovery and from every view's NS answer. */
export function nsNamesOf(d: DomainObservation): string[] {
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
 * The judging context: the plan, the time, the negative TTL and the DNS host (the plan's choice,
 * else the one its nameservers reveal).
 */
async function evalContext(
  s: DnsGroupState,
  domainObs: Promise<DomainObservation>,
): Promise<EvalContext> {
  const d = await domainObs;
  const detected = detectDnsHost(nsNamesOf(d));
  const hostId = s.plan.dnsHost && s.plan.dnsHost !== 'other' ? s.plan.dnsHost : detected?.id;
  const ctx: EvalContext = { plan: s.plan, observedAt: s.now().toISOString() };
  if (d.negativeTtl !== undefined) ctx.negativeTtl = d.negativeTtl;
  if (hostId) {
    ctx.dnsHostName = dnsHostName(hostId);
    ctx.dnsHostId = hostId;
  }
  return ctx;
}

/** Starts the gatherings several groups share (domain, mail host, each PTR) at once. */
export function startDnsRun(s: DnsGroupState): DnsRun {
  const { plan, lookups: l } = s;
  const ips = [...plan.ipv4, ...plan.ipv6];
  const domainObs = awaitedLater(gatherDomain(l, plan.domain));
  return {
    s,
    ips,
    domainObs,
    hostObs: awaitedLater(gatherHost(l, plan)),
    ptrObs: new Map(ips.map((ip) => [ip, awaitedLater(gatherPtr(l, ip))])),
    ctxFor: () => evalContext(s, domainObs),
    startAll: (checks, subject) => checks.forEach((c) => s.start(c, subject)),
    emitAll: (fs) => fs.forEach((f) => f && s.emit(f)),
  };
}
