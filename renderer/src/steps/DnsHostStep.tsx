import { useId, useMemo } from 'react';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import type { Project } from '../../../shared/model/project';
import { DNS_HOSTS, DNS_HOST_IDS, getDnsHost } from '../../../shared/providers/dns-hosts';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';
import { hostFacts } from './dns-host-facts';
import { DnsHostFacts } from './dns-host/DnsHostFacts';
import { NameserverLookup } from './dns-host/NameserverLookup';

/** DNS host: where the domain's records are edited, found from its nameservers or chosen. */
export function DnsHostStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const selectId = useId();
  const domain = useMemo(() => normalizeDomainInput(draft.domain), [draft.domain]);
  const domainName = domain.ok ? domain.domain : 'your domain';
  const host = draft.dnsHost ? getDnsHost(draft.dnsHost) : null;
  const facts = useMemo(() => (host ? hostFacts(host, domainName) : []), [host, domainName]);
  const choose = (dnsHost: string) => update({ dnsHost });

  return (
    <section aria-labelledby="dns-host-title">
      <h1 id="dns-host-title">DNS host</h1>
      <p className="lead">
        Your <Term id="dns">DNS</Term> host is the company where you edit your domain's records. It
        is often where you bought the domain, but not always.
      </p>

      <NameserverLookup
        domain={domain.ok ? domain.domain : undefined}
        chosen={draft.dnsHost}
        choose={choose}
      />

      <div className="field">
        <label htmlFor={selectId}>Where is your DNS hosted?</label>
        <select id={selectId} value={draft.dnsHost} onChange={(e) => choose(e.target.value)}>
          <option value="">Choose your DNS host…</option>
          {DNS_HOST_IDS.map((id) => (
            <option key={id} value={id}>
              {id === 'other' ? 'Another DNS host' : DNS_HOSTS[id].name}
            </option>
          ))}
        </select>
      </div>

      {host ? (
        <DnsHostFacts host={host} facts={facts} />
      ) : (
        <p className="hint">
          Not sure? Choose "Another DNS host": we then give general instructions.
        </p>
      )}

      <StepFooter projectId={project.id} step="dns-host" />
    </section>
  );
}
