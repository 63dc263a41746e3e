import type { Finding } from '../../../shared/checks/finding';

/** How often watch mode may re-check: tests shorten it, people get the defaults. */
export interface WatchTiming {
  /** Never re-check sooner than this (ms). */
  floorMs: number;
  /** The wait when nothing is pending and the last run changed something (ms). */
  baseMs: number;
  /** The longest wait while backing off with no ETA to wait for (ms). */
  capMs: number;
}

/** The defaults: 60 s, never under 30 s, at most 15 minutes apart. */
export const DEFAULT_WATCH_TIMING: WatchTiming = {
  floorMs: 30_000,
  baseMs: 60_000,
  capMs: 15 * 60_000,
};

/**
 * Read `?watch=<ms>` from the page address: one number sets both the floor and the base, so a
 * test can watch every second without mocking the clock. Anything else keeps the defaults.
 */
export function watchTimingFrom(search: string): WatchTiming {
  const raw = new URLSearchParams(search).get('watch');
  const ms = raw === null ? NaN : Number(raw);
  if (!Number.isInteger(ms) || ms < 200 || ms > 600_000) return DEFAULT_WATCH_TIMING;
  return { floorMs: ms, baseMs: ms, capMs: Math.max(ms * 8, ms) };
}

/**
 * The wait before the next watch run. A pending record is re-checked when its TTL should have
 * run out (its ETA plus a second of slack); otherwise the base wait doubles for every run in a
 * row that changed nothing, because DNS that has not moved for a while rarely moves in seconds.
 */
export function nextWatchDelay(
  findings: readonly Finding[],
  now: number,
  unchangedRuns: number,
  timing: WatchTiming,
): number {
  const etas = findings
    .filter((f) => f.status === 'pending' && f.eta)
    .map((f) => Date.parse(f.eta ?? ''))
    .filter((t) => Number.isFinite(t));
  if (etas.length > 0) {
    // When the nearest ETA expires, however far: checking at a fixed cap before it would only
    // show the same "waiting" again.
    const untilEta = Math.min(...etas) - now + 1000;
    return Math.max(untilEta, timing.floorMs);
  }
  const backedOff = timing.baseMs * 2 ** Math.min(unchangedRuns, 10);
  return clamp(backedOff, timing.floorMs, timing.capMs);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

/**
 * True when watching can stop: nothing fails, waits for DNS or could not be checked. Warnings
 * do not keep it going: they are advice (a documentation address, a soft policy) that waiting
 * will not change.
 */
export function allGreen(findings: readonly Finding[]): boolean {
  const open = new Set(['fail', 'pending', 'unknown']);
  return findings.length > 0 && findings.every((f) => !open.has(f.status));
}
