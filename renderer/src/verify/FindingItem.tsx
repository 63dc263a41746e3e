import type { Finding } from '../../../shared/checks/finding';
import { shownName } from '../../../shared/model/shown-name';
import { StatusBadge } from '../components/StatusBadge';
import { viewAnswers, type ViewAnswer } from './evidence-views';
import { etaWords } from './eta-words';
import { findingAnchor } from './finding-anchor';
import { findingHeading } from './finding-heading';

/** One finding: status, title, what was seen (per view when known) and what to do. */
export function FindingItem({ finding, now }: { finding: Finding; now: number }) {
  const views = viewAnswers(finding.evidence);
  // Passing checks fold away so what needs work stands out on a long page.
  const settled = finding.status === 'pass' || finding.status === 'info';
  return (
    <li
      className={`finding finding-${finding.status}`}
      data-check={finding.check}
      id={findingAnchor(finding)}
      tabIndex={-1}
    >
      <div className="finding-head">
        <StatusBadge status={finding.status} />
        <h3>{findingHeading(finding)}</h3>
        <span className="finding-subject muted">about {shownName(finding.subject)}</span>
      </div>
      {finding.status === 'pending' && finding.eta ? (
        <p className="finding-eta" data-testid="eta">
          {etaWords(finding.eta, now)}
        </p>
      ) : null}
      {settled ? (
        <details className="finding-more">
          <summary>What we saw</summary>
          <Seen finding={finding} views={views} />
        </details>
      ) : (
        <Seen finding={finding} views={views} />
      )}
    </li>
  );
}

/** What was seen, the fix, and the per-view answers. */
function Seen({ finding, views }: { finding: Finding; views: ViewAnswer[] }) {
  return (
    <>
      <p className="finding-detail">
        <strong>What we saw:</strong> {finding.detail}
      </p>
      {finding.fix ? (
        <p className="finding-fix">
          <strong>What to do:</strong> {finding.fix}
        </p>
      ) : null}
      {views.length > 0 ? (
        <details className="finding-views">
          <summary>Answers from each place we asked</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Asked</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {views.map((v, i) => (
                <tr key={i}>
                  <td>
                    <code>{v.question}</code>
                  </td>
                  <td>{v.view}</td>
                  <td>
                    <code>{v.answer}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  );
}
