const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** "22 November 2026" (UTC, so the same run prints the same date everywhere). */
export function dateWords(date: Date): string {
  return DATE.format(date);
}

/** "22 November 2026 at 10:00 UTC". */
export function dateTimeWords(date: Date): string {
  return `${DATE.format(date)} at ${TIME.format(date)} UTC`;
}

/** An ISO time from a finding (a pending record's ETA) in words; the raw text if unparsable. */
export function isoWords(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeWords(d);
}
