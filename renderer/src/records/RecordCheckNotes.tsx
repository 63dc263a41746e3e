import type { PlannedRecord } from '../../../shared/records/planned-record';
import { pasteFixFor } from '../../../shared/summary/finding-paste';
import type { RecordCheck } from '../../../shared/summary/record-status';
import { sentence } from '../app/sentence';
import { FixText } from '../components/FixText';

/**
 * What the check said about a record, when it is not simply fine: the title and the fix. When
 * publishing this card's value is the fix, the card's boxes say it; the checker's description
 * of the value would only repeat them in other words.
 */
export function RecordCheckNotes({ check, record }: { check: RecordCheck; record: PlannedRecord }) {
  const notable = check.findings.filter((f) => f.status !== 'pass' && f.status !== 'info');
  if (notable.length === 0) return null;
  return (
    <ul className="record-check-notes" data-testid="record-check-notes">
      {notable.map((f) => (
        <li key={`${f.check}:${f.subject}`}>
          {sentence(f.title)}
          {pasteFixFor(f, [record])
            ? ' The boxes below have the value to publish.'
            : f.fix
              ? [' ', <FixText key="fix" text={f.fix} />]
              : ''}
        </li>
      ))}
    </ul>
  );
}
