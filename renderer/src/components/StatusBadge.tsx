import './status-badge.css';
import { STATUS_WORDS, type ShownStatus } from '../../../shared/summary/status-words';

const ICONS: Record<ShownStatus, string> = {
  pass: '✓',
  warn: '!',
  fail: '✗',
  pending: '…',
  unknown: '?',
  info: 'i',
  'not-checked': '–',
};

/**
 * A status as a symbol and the same words the PDF uses ("OK", "Needs fixing"), coloured; the
 * colour repeats the word, never replaces it. One badge for every screen, so a status reads the
 * same on Records, Verify, Summary and Projects. `words` replaces the status's words where a
 * record says more (a record to delete: "Still published: delete it").
 */
export function StatusBadge({ status, words }: { status: ShownStatus; words?: string }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span aria-hidden="true">{ICONS[status]} </span>
      {words ?? STATUS_WORDS[status]}
    </span>
  );
}
