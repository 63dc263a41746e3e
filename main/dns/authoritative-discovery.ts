import { canonicalName, isAtOrUnder, parentName } from './dns-names';
import type { DnsResult, DnsResultView, QueryType } from './types';

/** What was found out about one nameserver of the zone. */
export interface NameserverEvidence {
  /** The NS name, e.g. "ns1.example.com". */
  name: string;
  /** Its addresses (A then AAAA) as the recursive view resolved them. */
  addresses: string[];
  /** Addresses not contacted (loopback-only mode) and why. */
  skipped: string[];
  /** The A and AAAA answers for the NS name (evidence). */
  addressAnswers: DnsResult[];
  /** The zone's SOA asked directly from this server (absent when it has no address). */
  soa?: DnsResult;
  /** The zone's NS set asked directly from this server. */
  ns?: DnsResult;
  /** It answered the SOA query with an authoritative NOERROR answer. */
  answered: boolean;
  /** SOA serial it serves. */
  serial?: number;
  /** The NS names it serves for the zone, sorted. */
  nsSet?: string[];
  /** One plain sentence when it did not answer right. */
  problem?: string;
}

/** The authoritative side of one name: its zone, nameservers, and one view per nameserver. */
export interface AuthoritativeSet {
  /** The name asked about. */
  name: string;
  /** The zone apex the name lives in, when found. */
  zone?: string;
  /** SOA answers of the walk up from the name to its zone, through the recursive view. */
  walk: DnsResult[];
  /** The zone's NS answer through the recursive view. */
  nsAnswer?: DnsResult;
  /** Every nameserver of the NS set, in NS-answer order. */
  nameservers: NameserverEvidence[];
  /** One view per nameserver that has an address to ask ("authoritative:<ns name>"). */
  views: DnsResultView[];
  /** How many nameservers answered authoritatively. */
  answering: number;
  /**
   * Whether all answering nameservers serve the same SOA serial and NS set; undefined when
   * none answered.
   */
  agree?: boolean;
  /** One plain sentence when the zone or its nameservers could not be found. */
  problem?: string;
  /**
   * With `within`: false when the zone found lies above that name (the name has no zone of its
   * own: not delegated, or it does not exist); true when it is at or under it.
   */
  delegated?: boolean;
}

/** What discovery needs from the views layer. */
export interface DiscoveryDeps {
  recursive: DnsResultView;
  /** Build the view that asks one nameserver directly at these addresses. */
  nameserverView(name: string, addresses: string[]): DnsResultView;
  /** Whether an address may be contacted (loopback-only mode says no to the rest). */
  mayContact(address: string): boolean;
  /**
   * Told the zone's nameserver views as soon as their addresses are known, before they are
   * probed, so lookups can start while the SOA/NS evidence is still being gathered.
   */
  onViews?(zone: string, views: DnsResultView[]): void;
}

/** Options of one discovery. */
export interface DiscoveryOptions {
  /**
   * Stop if the zone found lies above this name (e.g. the user's domain): its nameservers are
   * the parent's (a TLD registry's), not the user's, and are not asked. `delegated` is then false.
   */
  within?: string;
}

type WalkResult = { zone?: string; walk: DnsResult[]; problem?: string };

/** Walk up from `name` asking SOA until the zone apex is found. */
async function findZone(
  name: string,
  deps: DiscoveryDeps,
  signal?: AbortSignal,
): Promise<WalkResult> {
  const walk: DnsResult[] = [];
  for (
    let candidate: string | undefined = canonicalName(name);
    candidate !== undefined;
    candidate = parentName(candidate)
  ) {
    const answer = await deps.recursive.query(candidate === '' ? '.' : candidate, 'SOA', signal);
    walk.push(answer);
    const chain = answer.records.filter((r) => r.type === 'CNAME');
    if (answer.outcome === 'answer' && chain.length === 0) {
      const soa = answer.records.find((r) => r.type === 'SOA' && r.name === candidate);
      if (soa) return { zone: candidate, walk };
    }
    if ((answer.outcome === 'nodata' || answer.outcome === 'nxdomain') && chain.length === 0) {
      // A negative answer names the zone in its authority SOA: no need to walk further.
      const owner = (answer as DnsResult).authoritySoa?.name;
      if (owner !== undefined && isAtOrUnder(candidate, owner)) return { zone: owner, walk };
      continue;
    }
    if (
      answer.outcome === 'answer' ||
      answer.outcome === 'nodata' ||
      answer.outcome === 'nxdomain'
    ) {
      continue; // a CNAME here: the SOA that came back is the target's zone, not this name's
    }
    return {
      walk,
      problem: `Could not find the zone of ${canonicalName(name)}: ${answer.error ?? answer.outcome} (asking ${candidate || 'the root'} through ${deps.recursive.label}).`,
    };
  }
  return { walk, problem: `Found no zone for ${canonicalName(name)}.` };
}

function targetsOf(answer: DnsResult | undefined, type: QueryType): string[] {
  return (answer?.records ?? []).flatMap((r) =>
    r.type === type && 'target' in r ? [r.target] : [],
  );
}

async function locateNameserver(
  nsName: string,
  deps: DiscoveryDeps,
  signal?: AbortSignal,
): Promise<{ evidence: NameserverEvidence; view?: DnsResultView }> {
  const addressAnswers = await Promise.all([
    deps.recursive.query(nsName, 'A', signal),
    deps.recursive.query(nsName, 'AAAA', signal),
  ]);
  const all = addressAnswers.flatMap((a) =>
    a.records.flatMap((r) => (r.type === 'A' || r.type === 'AAAA' ? [r.address] : [])),
  );
  const addresses = all.filter((a) => deps.mayContact(a));
  const skipped = all.filter((a) => !deps.mayContact(a));
  const evidence: NameserverEvidence = {
    name: nsName,
    addresses,
    skipped,
    addressAnswers,
    answered: false,
  };
  if (addresses.length === 0) {
    evidence.problem =
      skipped.length > 0
        ? `The nameserver ${nsName} is at ${skipped.join(', ')}, which this run may not contact (loopback only).`
        : `The nameserver ${nsName} has no address (${addressAnswers.map((a) => a.error ?? a.outcome).join(', ')}).`;
    return { evidence };
  }
  return { evidence, view: deps.nameserverView(nsName, addresses) };
}

async function probeNameserver(
  zone: string,
  evidence: NameserverEvidence,
  view: DnsResultView,
  signal?: AbortSignal,
): Promise<void> {
  const nsName = evidence.name;
  const [soa, ns] = await Promise.all([
    view.query(zone, 'SOA', signal),
    view.query(zone, 'NS', signal),
  ]);
  evidence.soa = soa;
  evidence.ns = ns;
  const soaRecord = soa.records.find((r) => r.type === 'SOA');
  evidence.answered =
    soa.outcome === 'answer' && soa.authoritative !== false && soaRecord !== undefined;
  if (soaRecord?.type === 'SOA') evidence.serial = soaRecord.serial;
  if (ns.outcome === 'answer') evidence.nsSet = [...new Set(targetsOf(ns, 'NS'))].sort();
  if (!evidence.answered) {
    evidence.problem =
      soa.outcome === 'answer'
        ? `The nameserver ${nsName} answered for ${zone} but not authoritatively.`
        : `The nameserver ${nsName} did not answer for ${zone}: ${soa.error ?? soa.outcome}.`;
  }
}

/**
 * Find the zone `name` lives in (walk up asking SOA through the recursive view), its NS set,
 * each nameserver's addresses, and ask each nameserver directly for the zone's SOA and NS.
 */
export async function discoverAuthoritative(
  name: string,
  deps: DiscoveryDeps,
  signal?: AbortSignal,
  options: DiscoveryOptions = {},
): Promise<AuthoritativeSet> {
  const base = { name: canonicalName(name), nameservers: [], views: [], answering: 0 };
  const found = await findZone(name, deps, signal);
  if (found.zone === undefined)
    return { ...base, walk: found.walk, problem: found.problem ?? 'No zone found.' };
  const zone = found.zone;
  if (options.within !== undefined) {
    const within = canonicalName(options.within);
    if (!isAtOrUnder(zone, within)) {
      return {
        ...base,
        zone,
        walk: found.walk,
        delegated: false,
        problem: `${within} has no zone of its own: the nearest zone above it is ${zone || 'the root'}.`,
      };
    }
  }
  const nsAnswer = await deps.recursive.query(zone === '' ? '.' : zone, 'NS', signal);
  const nsNames = [...new Set(targetsOf(nsAnswer, 'NS'))];
  if (nsNames.length === 0) {
    return {
      ...base,
      zone,
      walk: found.walk,
      nsAnswer,
      problem: `The zone ${zone} has no nameservers listed (${nsAnswer.error ?? nsAnswer.outcome}).`,
    };
  }
  const located = await Promise.all(nsNames.map((ns) => locateNameserver(ns, deps, signal)));
  const nameservers = located.map((p) => p.evidence);
  const views = located.flatMap((p) => (p.view ? [p.view] : []));
  deps.onViews?.(zone, views);
  await Promise.all(
    located.map((p) => (p.view ? probeNameserver(zone, p.evidence, p.view, signal) : undefined)),
  );
  const answeringServers = nameservers.filter((n) => n.answered);
  const fingerprints = new Set(
    answeringServers.map((n) => `${n.serial}|${(n.nsSet ?? []).join(',')}`),
  );
  const result: AuthoritativeSet = {
    ...base,
    zone,
    walk: found.walk,
    nsAnswer,
    nameservers,
    views,
    answering: answeringServers.length,
    ...(options.within !== undefined && { delegated: true }),
  };
  if (answeringServers.length > 0) result.agree = fingerprints.size === 1;
  else result.problem = `None of the nameservers of ${zone} answered (${nsNames.join(', ')}).`;
  return result;
}
