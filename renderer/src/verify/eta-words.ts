import { whenWords } from '../../../shared/summary/date-words';
/**
 * When a pending record should be visible, as local clock time and as a wait in words:
 * "Should be visible everywhere by 14:05 (in about 3 minutes)", with the date when not today.
 */
export function etaWords(eta: string, now: number): string {
  const at = Date.parse(eta);
  if (!Number.isFinite(at)) return 'Should be visible everywhere soon.';
  const clock = whenWords(new Date(at), new Date(now));
  const seconds = Math.round((at - now) / 1000);
  let wait: string;
  if (seconds <= 0) wait = 'any moment now';
  else if (seconds < 90) wait = `in about ${seconds} second${seconds === 1 ? '' : 's'}`;
  else if (seconds < 90 * 60) wait = `in about ${Math.round(seconds / 60)} minutes`;
  else wait = `in about ${Math.round(seconds / 3600)} hours`;
  return `Should be visible everywhere by ${clock} (${wait}).`;
}
