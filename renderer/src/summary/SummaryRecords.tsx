import type { PlannedRecord } from '../../../shared/records/planned-record';
import type { ShownStatus } from '../../../shared/summary/status-words';
import { actionWords, recordTitle } from '../app/record-words';
import { StatusBadge } from '../components/StatusBadge';

const SHORT = 64;

/** The records in a compact table: long values cut short (the Records step has them in full). */
export function SummaryRecords({
  rows,
  checked,
}: {
  rows: readonly { record: PlannedRecord; status: ShownStatus; words?: string }[];
  /** False before any check: a column of "Not checked yet" would say nothing. */
  checked: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="summary-records" data-testid="summary-records">
        <caption className="visually-hidden">Your records and their status</caption>
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col">What to do</th>
            {checked ? <th scope="col">Status</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ record, status, words }) => (
            <tr key={record.key}>
              <th scope="row">{recordTitle(record)}</th>
              <td>{record.type}</td>
              <td className="value-cell">
                <code>
                  {record.value.length > SHORT
                    ? `${record.value.slice(0, SHORT)}… (${record.value.length} characters)`
                    : record.value}
                </code>
              </td>
              <td data-testid="summary-action">
                {actionWords(record)}
                {record.action === 'edit' && record.oldValue !== undefined ? (
                  <>
                    {' '}
                    (today: <code>{record.oldValue}</code>)
                  </>
                ) : null}
              </td>
              {checked ? (
                <td>
                  <StatusBadge status={status} {...(words ? { words } : {})} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
