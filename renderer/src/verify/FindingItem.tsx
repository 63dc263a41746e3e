import type { Finding } from '../../../shared/checks/finding';
import { shownName } from '../../../shared/model/shown-name';
import type { PasteFix as PasteFixData } from '../../../shared/summary/finding-paste';
import { StatusBadge } from '../components/StatusBadge';
import { TermsUsed } from '../components/TermsUsed';
import { PasteFix } from '../fixes/PasteFix';
import type { OpenRecords } from '../hooks/use-open-records';
import { viewAnswers, type ViewAnswer } from './evidence-views';
import { etaWords } from './eta-words';
import { findingAnchor } from './finding-anchor';
import { findingHeading } from './finding-heading';
import { FixText } from '../components/FixText';

/** A fix the user can paste, with the records it was taken from. */
export interface Paste {
  fix: PasteFixData;
  open: OpenRecords;
}

/** One finding: status, title, what was seen (per view when known) and what to do. */
export function FindingItem({
  finding,
  now,
  paste,
}: {
  finding: Finding;
  now: number;
  /** The record that fixes it, whole, when the app knows its value. */
  paste?: Paste | undefined;
}) {
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
        <Seen finding={finding} views={views} paste={paste} />
      )}
    </li>
  );
}

/** What was seen, the fix, and the per-view answers. */
function Seen({
  finding,
  views,
  paste,
}: {
  finding: Finding;
  views: ViewAnswer[];
  paste?: Paste | undefined;
}) {
  return (
    <>
      <p className="finding-detail">
        <strong>What we saw:</strong> {finding.detail}
      </p>
      {paste ? (
        <PasteFix fix={paste.fix} open={paste.open} />
      ) : finding.fix ? (
        <p className="finding-fix">
          <strong>What to do:</strong> <FixText text={finding.fix} />
        </p>
      ) : null}
      <TermsUsed texts={[finding.title, finding.detail, finding.fix]} />
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
