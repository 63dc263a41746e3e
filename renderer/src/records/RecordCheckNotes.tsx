import type { RecordCheck } from '../../../shared/summary/record-status';
import { sentence } from '../app/sentence';

/** What the check said about a record, when it is not simply fine: the title and the fix. */
export function RecordCheckNotes({ check }: { check: RecordCheck }) {
  const notable = check.findings.filter((f) => f.status !== 'pass' && f.status !== 'info');
  if (notable.length === 0) return null;
  return (
    <ul className="record-check-notes" data-testid="record-check-notes">
      {notable.map((f) => (
        <li key={`${f.check}:${f.subject}`}>
          {sentence(f.title)}
          {f.fix ? ` ${f.fix}` : ''}
        </li>
      ))}
    </ul>
  );
}
