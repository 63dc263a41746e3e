import type { Finding } from '../../../shared/checks/finding';
import { StatusBadge } from './StatusBadge';
import { viewAnswers } from './evidence-views';
import { etaWords } from './eta-words';

/** One finding: status, title, what was seen (per view when known) and what to do. */
export function FindingItem({ finding, now }: { finding: Finding; now: number }) {
  const views = viewAnswers(finding.evidence);
  return (
    <li className={`finding finding-${finding.status}`} data-check={finding.check}>
      <div className="finding-head">
        <StatusBadge status={finding.status} />
        <h4>{finding.title}</h4>
      </div>
      <p className="finding-subject muted">About {finding.subject}</p>
      {finding.status === 'pending' && finding.eta ? (
        <p className="finding-eta" data-testid="eta">
          {etaWords(finding.eta, now)}
        </p>
      ) : null}
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
    </li>
  );
}
