import { Link } from 'react-router';
import type { PlannedRecord } from '../../../shared/records/planned-record';

/** Why a record is needed, and what to know before publishing it (risks, merges, today's value). */
export function RecordNotes({ record, projectId }: { record: PlannedRecord; projectId: string }) {
  return (
    <>
      <p className="why">{record.why}</p>
      {record.more ? (
        <details className="more">
          <summary>More about why</summary>
          <p>{record.more}</p>
        </details>
      ) : null}
      {record.incomplete ? (
        <p className="notice warn compact" role="note">
          {record.incomplete} <Link to={`/p/${projectId}/dkim`}>Go to the DKIM step</Link>
        </p>
      ) : null}
      {record.warnings?.map((w) => (
        <p className="notice warn compact" role="note" key={w}>
          {w}
        </p>
      ))}
      {record.mergeNote ? <p className="notice info compact">{record.mergeNote}</p> : null}
      {record.action === 'edit' && record.oldValue !== undefined ? (
        <div className="replaces" data-testid="old-value">
          <p>Published today, to be edited into the value below:</p>
          <code>{record.oldValue}</code>
        </div>
      ) : null}
    </>
  );
}
