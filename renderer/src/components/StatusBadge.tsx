import './status-badge.css';
import { STATUS_WORDS, type ShownStatus } from '../../../shared/summary/status-words';

/** A record's or finding's status as a coloured word ("OK", "Needs fixing"), never colour alone. */
export function StatusBadge({ status }: { status: ShownStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_WORDS[status]}</span>;
}
