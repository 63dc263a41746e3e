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

/**
 * "22 November 2026 at 10:00", in UTC: the PDF's times, which its cover says once are UTC
 * (PDF_TIME_ZONE_NOTE) instead of repeating it after every time.
 */
export function dateTimeWords(date: Date): string {
  return `${DATE.format(date)} at ${TIME.format(date)}`;
}

/** The PDF's one line about its times. */
export const PDF_TIME_ZONE_NOTE = 'UTC (Coordinated Universal Time), the same everywhere';

/** An ISO time from a finding (a pending record's ETA) in words; the raw text if unparsable. */
export function isoWords(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeWords(d);
}

const LOCAL_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const LOCAL_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long' });
const LOCAL_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * The app's one way of saying when, on screen: the computer's local time, with the date when it
 * is not today ("14:05"; "8 December, 14:05"; "8 December 2025, 14:05" in another year). The PDF
 * uses dateTimeWords instead and says its time zone once.
 */
export function whenWords(at: Date | string, now: Date = new Date()): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const time = LOCAL_TIME.format(d);
  if (d.toDateString() === now.toDateString()) return time;
  const day = d.getFullYear() === now.getFullYear() ? LOCAL_DAY.format(d) : LOCAL_DATE.format(d);
  return `${day}, ${time}`;
}
