import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunHistory } from '../../../main/store/run-history';
import type { CheckDocument } from '../../../shared/checks/verify-progress';

let dir: string;
let history: RunHistory;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-runs-'));
  history = new RunHistory((id) => join(dir, id));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

function doc(startedAt: string, fail: number): CheckDocument {
  return {
    tool: 'mailwright',
    version: '0.1.0',
    domain: 'example.test',
    startedAt,
    durationMs: 5,
    summary: { pass: 1, warn: 0, fail, pending: 0, unknown: 0, info: 0 },
    findings: [],
  } as CheckDocument;
}

describe('run history', () => {
  it('lists runs newest first and finds the newest without reading the rest', async () => {
    await history.save('p1', doc('2026-11-20T10:00:00.000Z', 2));
    await history.save('p1', doc('2026-11-22T10:00:00.000Z', 0));
    await history.save('p1', doc('2026-11-21T10:00:00.000Z', 1));
    const list = await history.list('p1');
    expect(list.map((r) => r.summary.fail)).toEqual([0, 1, 2]);
    expect((await history.newest('p1'))?.startedAt).toBe('2026-11-22T10:00:00.000Z');
  });

  it('skips an unreadable newest file and has nothing for a project without runs', async () => {
    await history.save('p2', doc('2026-11-20T10:00:00.000Z', 3));
    await writeFile(join(dir, 'p2', 'runs', '2026-11-23T00-00-00-000Z.json'), '{ broken');
    expect((await history.newest('p2'))?.summary.fail).toBe(3);
    expect(await history.newest('none')).toBeUndefined();
  });

  it('gives two runs of the same millisecond distinct ids', async () => {
    const a = await history.save('p3', doc('2026-11-20T10:00:00.000Z', 0));
    const b = await history.save('p3', doc('2026-11-20T10:00:00.000Z', 0));
    expect(a).not.toBe(b);
  });
});
