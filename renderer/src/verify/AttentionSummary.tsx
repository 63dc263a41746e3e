import type { MouseEvent } from 'react';
import type { Finding, Status } from '../../../shared/checks/finding';
import { checkOrder } from '../../../shared/checks/catalogue';
import { StatusBadge } from './StatusBadge';
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
  return (
    <section className="card attention" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title">Needs your attention ({open.length})</h2>
      <ul>
        {open.map((f) => (
          <li key={findingAnchor(f)}>
            <StatusBadge status={f.status} />{' '}
            <a href={`#${findingAnchor(f)}`} onClick={(e) => jump(e, findingAnchor(f))}>
              {f.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

// The app routes on the URL hash, so an in-page link must scroll by hand, not change the hash.
function jump(e: MouseEvent, id: string): void {
  e.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus();
}
