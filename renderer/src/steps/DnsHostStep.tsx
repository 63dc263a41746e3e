import { useId, useMemo, useState } from 'react';
import type { CallResponse } from '../../../shared/api/contract';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import type { Project } from '../../../shared/model/project';
import { DNS_HOSTS, DNS_HOST_IDS, getDnsHost } from '../../../shared/providers/dns-hosts';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';
import { api } from '../state/api-ref';
import { hostFacts } from './dns-host-facts';

type Detection =
  | { state: 'idle' }
  | { state: 'looking' }
  | { state: 'done'; result: CallResponse<'dns.detectHost'> }
  | { state: 'failed'; message: string };

/** DNS host: where the domain's records are edited, found from its nameservers or chosen. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function DnsHostStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const selectId = useId();
  const [detection, setDetection] = useState<Detection>({ state: 'idle' });
  const domain = useMemo(() => normalizeDomainInput(draft.domain), [draft.domain]);
  const domainName = domain.ok ? domain.domain : 'your domain';
  const host = draft.dnsHost ? getDnsHost(draft.dnsHost) : null;
  const facts = useMemo(() => (host ? hostFacts(host, domainName) : []), [host, domainName]);

  const detect = async () => {
    if (!domain.ok) return;
    setDetection({ state: 'looking' });
    const r = await api().call('dns.detectHost', { domain: domain.domain });
    setDetection(
      r.ok ? { state: 'done', result: r.value } : { state: 'failed', message: r.error.message },
    );
  };

  return (
    <section aria-labelledby="dns-host-title">
      <h1 id="dns-host-title">DNS host</h1>
      <p className="lead">
        Your <Term id="dns">DNS</Term> host is the company where you edit your domain's records. It
        is often where you bought the domain, but not always.
      </p>

      <div className="card">
        <h2 className="card-title">Find it from your nameservers</h2>
        <p className="hint">
          Your domain's <Term id="nameserver">nameservers</Term> show who hosts its DNS. This asks
          the internet, so it needs a connection.
        </p>
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() => void detect()}
            disabled={!domain.ok || detection.state === 'looking'}
          >
            Look up {domain.ok ? domain.domain : 'the domain'}
          </button>
          <span role="status" aria-live="polite" data-testid="detect-status">
            {detection.state === 'looking'
              ? 'Looking up your nameservers…'
              : detection.state === 'failed'
                ? `The lookup failed: ${detection.message}`
                : detection.state === 'done'
                  ? (detection.result.problem ??
                    (detection.result.detected
                      ? `Your nameservers (${detection.result.nameServers.join(', ')}) belong to ${detection.result.detected.name}.`
                      : `Your nameservers are ${detection.result.nameServers.join(', ')}; we do not recognise the company. Choose it below, or "Other".`))
                  : ''}
          </span>
        </div>
        {detection.state === 'done' &&
        detection.result.detected &&
        detection.result.detected.id !== draft.dnsHost ? (
          <button
            type="button"
            onClick={() => update({ dnsHost: detection.result.detected?.id ?? '' })}
          >
            Use {detection.result.detected.name}
          </button>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor={selectId}>Where is your DNS hosted?</label>
        <select
          id={selectId}
          value={draft.dnsHost}
          onChange={(e) => update({ dnsHost: e.target.value })}
        >
          <option value="">Choose your DNS host…</option>
          {DNS_HOST_IDS.map((id) => (
            <option key={id} value={id}>
              {id === 'other' ? 'Another DNS host' : DNS_HOSTS[id].name}
            </option>
          ))}
        </select>
      </div>

      {host ? (
        <div aria-labelledby="facts-title" role="region">
          <h2 id="facts-title">
            What to know about {host.id === 'other' ? 'your DNS host' : host.name}
          </h2>
          <p className="hint">
            Each DNS host's form is a little different. The Records step already writes every value
            the way this form wants it; these are the things people trip over.
          </p>
          <ul className="facts">
            {facts
              .filter((f) => f.known)
              .map((f) => (
                <li key={f.title + f.text} className="fact">
                  <strong>{f.title}.</strong> {f.text}
                  <span className="fact-source">
                    {f.source}
                    {f.remark ? ` Note: ${f.remark}` : ''}
                  </span>
                </li>
              ))}
          </ul>
          {facts.some((f) => !f.known) ? (
            <details className="sources">
              <summary>
                What we could not confirm about {host.id === 'other' ? 'your host' : host.name}
              </summary>
              <p className="hint">
                For these, the Records step gives the way that works on most forms and says what to
                check after saving.
              </p>
              <ul>
                {facts
                  .filter((f) => !f.known)
                  .map((f) => (
                    <li key={f.title + f.text}>
                      <strong>{f.title}:</strong> {f.text}
                    </li>
                  ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : (
        <p className="hint">
          Not sure? Choose "Another DNS host": we then give general instructions.
        </p>
      )}

      <StepFooter projectId={project.id} step="dns-host" />
    </section>
  );
}
