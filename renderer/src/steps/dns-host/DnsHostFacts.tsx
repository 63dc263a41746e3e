import type { DnsHost } from '../../../../shared/providers/dns-hosts';
import type { HostFact } from '../dns-host-facts';

/**
 * What to know about the chosen DNS host's form: the facts our research confirmed (each with its
 * source), and apart from them what we could not confirm.
 */
export function DnsHostFacts({ host, facts }: { host: DnsHost; facts: HostFact[] }) {
  const unconfirmed = facts.filter((f) => !f.known);
  return (
    <div aria-labelledby="facts-title" role="region">
      <h2 id="facts-title">
        What to know about {host.id === 'other' ? 'your DNS host' : host.name}
      </h2>
      <p className="hint">
        Each DNS host's form is a little different. The Records step already writes every value the
        way this form wants it; these are the things people trip over.
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
      {unconfirmed.length > 0 ? (
        <details className="sources">
          <summary>
            What we could not confirm about {host.id === 'other' ? 'your host' : host.name}
          </summary>
          <p className="hint">
            For these, the Records step gives the way that works on most forms and says what to
            check after saving.
          </p>
          <ul>
            {unconfirmed.map((f) => (
              <li key={f.title + f.text}>
                <strong>{f.title}:</strong> {f.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
