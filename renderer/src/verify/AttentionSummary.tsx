import type { MouseEvent } from 'react';
import type { Finding, Status } from '../../../shared/checks/finding';
import { checkOrder } from '../../../shared/checks/catalogue';
import { findingHeading } from './finding-heading';
import { StatusBadge } from '../components/StatusBadge';
import { findingAnchor } from './finding-anchor';

const ORDER: Status[] = ['fail', 'pending', 'warn', 'unknown'];

/**
 * What needs the user, at the top of a long page: failures first, then what waits for DNS,
 * warnings and what could not be checked, each linking to its full finding below.
 */
export function AttentionSummary({ findings }: { findings: readonly Finding[] }) {
  const open = findings
    .filter((f) => ORDER.includes(f.status))
    .sort(
      (a, b) =>
        ORDER.indexOf(a.status) - ORDER.indexOf(b.status) ||
        checkOrder(a.check) - checkOrder(b.check),
    );
  if (open.length === 0)
    return (
      <p className="notice info" data-testid="attention">
        Nothing needs your attention: every check passed or is only for information.
      </p>
    );
  // Many "could not check" lines usually share one cause (no network, a stopped run): fold them.
  const unknown = open.filter((f) => f.status === 'unknown');
  const listed = unknown.length > 5 ? open.filter((f) => f.status !== 'unknown') : open;
  return (
    <section className="card attention" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title">Needs your attention ({open.length})</h2>
      <ul>
        {listed.map((f) => (
          <AttentionLine key={findingAnchor(f)} finding={f} />
        ))}
      </ul>
      {listed.length < open.length ? (
        <details>
          <summary>{unknown.length} checks could not be made</summary>
          <ul>
            {unknown.map((f) => (
              <AttentionLine key={findingAnchor(f)} finding={f} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function AttentionLine({ finding }: { finding: Finding }) {
  const id = findingAnchor(finding);
  return (
    <li>
      <StatusBadge status={finding.status} />{' '}
      <a href={`#${id}`} onClick={(e) => jump(e, id)}>
        {findingHeading(finding)}
      </a>
    </li>
  );
}

// The app routes on the URL hash, so an in-page link must scroll by hand, not change the hash.
function jump(e: MouseEvent, id: string): void {
  e.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus();
}
