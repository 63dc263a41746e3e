import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/finding';
import {
  DEFAULT_WATCH_TIMING,
  allGreen,
  nextWatchDelay,
  watchTimingFrom,
} from '../../../renderer/src/verify/watch-schedule';

const f = (status: Finding['status'], eta?: string): Finding => ({
  check: 'host.a',
  subject: 'mail.example.test',
  status,
  title: 't',
  detail: 'd',
  ...(eta ? { eta } : {}),
});

const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('watch schedule', () => {
  it('re-checks one second after the earliest pending ETA', () => {
    const findings = [
      f('pending', '2026-11-22T10:05:00Z'),
      f('pending', '2026-11-22T10:02:00Z'),
      f('fail'),
    ];
    expect(nextWatchDelay(findings, NOW, 0, DEFAULT_WATCH_TIMING)).toBe(121_000);
  });

  it('waits for a far ETA itself, not a fixed 15 minutes before it', () => {
    expect(
      nextWatchDelay([f('pending', '2026-11-22T10:29:00Z')], NOW, 0, DEFAULT_WATCH_TIMING),
    ).toBe(29 * 60_000 + 1000);
  });

  it('never re-checks sooner than every 30 s, even when the ETA is near or past', () => {
    expect(
      nextWatchDelay([f('pending', '2026-11-22T10:00:05Z')], NOW, 0, DEFAULT_WATCH_TIMING),
    ).toBe(30_000);
    expect(
      nextWatchDelay([f('pending', '2026-11-22T09:00:00Z')], NOW, 0, DEFAULT_WATCH_TIMING),
    ).toBe(30_000);
  });

  it('waits 60 s without a pending ETA, doubling for each run that changed nothing, up to 15 minutes', () => {
    const delays = [0, 1, 2, 3, 4, 5, 20].map((n) =>
      nextWatchDelay([f('fail')], NOW, n, DEFAULT_WATCH_TIMING),
    );
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('tests shorten the schedule through ?watch=<ms>; nonsense keeps the defaults', () => {
    expect(watchTimingFrom('?token=x&watch=1000')).toEqual({
      floorMs: 1000,
      baseMs: 1000,
      capMs: 8000,
    });
    expect(watchTimingFrom('?watch=abc')).toBe(DEFAULT_WATCH_TIMING);
    expect(watchTimingFrom('?watch=5')).toBe(DEFAULT_WATCH_TIMING);
    expect(watchTimingFrom('')).toBe(DEFAULT_WATCH_TIMING);
  });

  it('stops when nothing fails, waits or is unknown; warnings alone do not keep it going', () => {
    expect(allGreen([f('pass'), f('info'), f('warn')])).toBe(true);
    expect(allGreen([f('pass'), f('pending', '2026-11-22T10:05:00Z')])).toBe(false);
    expect(allGreen([f('pass'), f('unknown')])).toBe(false);
    expect(allGreen([f('fail')])).toBe(false);
    expect(allGreen([])).toBe(false);
  });
});
