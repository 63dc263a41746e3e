import { statusPartWords, type OverallStatus } from '../../../shared/summary/overall-status';
import { SCREEN_FINDINGS_PLACE } from './summary-status';

/** The sentences under the Summary's headline, each part in the screen's words. */
export function StatusDetail({ status }: { status: OverallStatus }) {
  return (
    <p data-testid="status-detail">
      {status.parts.map((part, i) => (
        <span key={i} data-part={part.kind}>
          {i > 0 ? ' ' : ''}
          {statusPartWords(part, SCREEN_FINDINGS_PLACE)}
        </span>
      ))}
    </p>
  );
}
