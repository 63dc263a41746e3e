import type { DomainObservation, NameserverObservation } from '../../shared/checks/observations';
import type { RunLookups } from './run-lookups';

/** Domain and nameserver observations: SOA and NS from every view, and each nameserver asked directly. */
export async function gatherDomain(l: RunLookups, domain: string): Promise<DomainObservation> {
  const [soa, ns, set] = await Promise.all([
    l.lookup(domain, 'SOA'),
    l.lookup(domain, 'NS'),
    l.domainSet(),
  ]);
  const nameservers: NameserverObservation[] = set.nameservers.map((n) => {
    const o: NameserverObservation = { name: n.name, addresses: n.addresses, answered: n.answered };
    if (n.soa) o.outcome = n.soa.outcome;
    if (n.soa?.outcome === 'answer' && n.soa.authoritative === false) o.lame = true;
    if (n.serial !== undefined) o.soaSerial = n.serial;
    if (n.problem) o.error = n.problem;
    return o;
  });
  const obs: DomainObservation = { soa, ns, nameservers };
  if (set.zone !== undefined) obs.zone = set.zone;
  if (set.problem) obs.discoveryError = set.problem;
  const soaRecord = [...set.nameservers.map((n) => n.soa), ...set.walk]
    .flatMap((a) => a?.records ?? [])
    .find((r) => r.type === 'SOA');
  if (soaRecord?.type === 'SOA') obs.negativeTtl = Math.min(soaRecord.ttl, soaRecord.minimum);
  return obs;
}
