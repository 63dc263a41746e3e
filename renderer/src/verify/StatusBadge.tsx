import type { Status } from '../../../shared/checks/finding';

/** Each status in words, so colour is never the only signal. */
export const STATUS_WORDS: Record<Status, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  pending: 'Waiting for DNS',
  unknown: 'Could not check',
  info: 'Info',
};

const ICONS: Record<Status, string> = {
  pass: '✓',
  warn: '!',
  fail: '✗',
  pending: '…',
  unknown: '?',
  info: 'i',
};

/** A finding's status as a coloured label with a symbol and a word. */
export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span aria-hidden="true">{ICONS[status]} </span>
      {STATUS_WORDS[status]}
    </span>
  );
}
