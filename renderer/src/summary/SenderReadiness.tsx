import { Link } from 'react-router';
import type { Finding } from '../../../shared/checks/finding';
import { senderReadiness } from '../../../shared/summary/sender-requirements';
import type { ShownStatus } from '../../../shared/summary/status-words';
import { SourceList } from '../components/SourceList';
import { StatusBadge } from '../components/StatusBadge';

function Cell({ status }: { status: ShownStatus }) {
  return <StatusBadge status={status} />;
}

/** "Ready for Gmail and Yahoo": the published sender requirements with their status and the fix. */
export function SenderReadiness({
  projectId,
  runFindings,
  messageFindings,
}: {
  projectId: string;
  runFindings: readonly Finding[] | null;
  messageFindings: readonly Finding[] | null;
}) {
  const rows = senderReadiness(runFindings, messageFindings);
  return (
    <section
      className="card card-section"
      aria-labelledby="readiness-title"
      data-testid="sender-readiness"
    >
      <h2 id="readiness-title">Ready for Gmail and Yahoo</h2>
      <p className="hint">
        What Gmail and Yahoo require of senders, with the result of your last check and your last
        test message.{' '}
        {messageFindings ? null : (
          <>
            No test message checked yet:{' '}
            <Link to={`/p/${projectId}/message-test`}>send yourself one</Link>.
          </>
        )}
      </p>
      <div className="readiness-scroll" tabIndex={0} role="region" aria-label="Sender requirements">
        <table className="readiness-table">
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              <th scope="col">Last check</th>
              <th scope="col">Test message</th>
              <th scope="col">What fixes it</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.requirement.value.id} data-requirement={r.requirement.value.id}>
                <th scope="row">
                  {r.requirement.value.title}
                  <span className="muted">
                    {' '}
                    ({r.requirement.value.applies === 'bulk' ? 'bulk senders' : 'every sender'})
                  </span>
                </th>
                <td>
                  <Cell status={r.dnsStatus} />
                </td>
                <td>
                  <Cell status={r.messageStatus} />
                </td>
                <td>{r.fix ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SourceList sources={rows.map((r) => r.requirement)} />
    </section>
  );
}
