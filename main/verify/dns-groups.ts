import type { HostObservation } from '../../shared/checks/observations';
import { addressesOf } from '../../shared/checks/visibility';
import { publishedAnswer } from '../../shared/checks/dns-observation';
import type { SharedFacts } from './probe-group';
import { startDnsRun, type DnsGroupState, type DnsRun, type GroupRun } from './dns-run';
import { domainGroup, hostGroup, mxGroup, ptrGroup } from './dns-groups-names';
import { dkimGroup, dmarcGroup, spfGroup } from './dns-groups-auth';
import { dnsblGroup, propagationGroup } from './dns-groups-reach';

/** The DNS facts other groups (SMTP) wait for, from the run's shared gatherings; never rejecting. */
function sharedFacts(r: DnsRun): SharedFacts {
  return {
    mailHostAddresses: async () => {
      try {
        const h: HostObservation = await r.hostObs;
        const found = [
          ...addressesOf(publishedAnswer(h.a)),
          ...addressesOf(publishedAnswer(h.aaaa)),
        ];
        return found.length > 0 ? found : r.ips;
      } catch {
        return r.ips;
      }
    },
    ptrNames: async (ip) => {
      const p = r.ptrObs.get(ip);
      if (!p) return [];
      try {
        const a = publishedAnswer((await p).ptr);
        return a
          ? a.records.flatMap((rec) =>
              rec.type === 'PTR' ? [rec.target.toLowerCase().replace(/\.$/, '')] : [],
            )
          : [];
      } catch {
        return [];
      }
    },
  };
}

/**
 * The DNS, DNSBL and propagation groups of a run. Every group gathers at once; a group waits for
 * the domain's observations only before judging (for the negative TTL and the DNS host's name),
 * never before asking.
 */
export function dnsGroups(s: DnsGroupState): { runs: GroupRun[]; facts: SharedFacts } {
  const r = startDnsRun(s);
  const runs = [
    domainGroup(r),
    hostGroup(r),
    mxGroup(r),
    ptrGroup(r),
    spfGroup(r),
    dkimGroup(r),
    dmarcGroup(r),
    dnsblGroup(r),
    propagationGroup(r),
  ];
  return { runs, facts: sharedFacts(r) };
}
