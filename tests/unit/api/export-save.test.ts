import { describe, expect, it } from 'vitest';
import { freshApiContext } from './api-context';
import { dispatch } from '../../../main/api/dispatch';
import { RunHistory } from '../../../main/store/run-history';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { CallResponse } from '../../../shared/api/contract';

type Listed = CallResponse<'projects.list'>;

const world = freshApiContext('save');

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('export.save', () => {
  it('answers not-in-browser in browser mode, so the page downloads instead', async () => {
    const r = await dispatch(
      'export.save',
      { kind: 'pdf', suggestedName: 'a.pdf', base64: b64('%PDF') },
      world.ctx,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'not-in-browser' } });
    if (!r.ok) expect(r.error.message).toContain('downloaded');
  });

  it('refuses a file that holds a private key, before any dialog', async () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
    const r = await dispatch(
      'export.save',
      { kind: 'json', suggestedName: 'a.json', base64: b64(key) },
      { ...world.ctx, transport: 'electron' },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'private-key' } });
  });

  it('takes a file name, never a path', async () => {
    const r = await dispatch(
      'export.save',
      { kind: 'zone', suggestedName: '../x.zone', base64: '' },
      world.ctx,
    );
    expect(r).toMatchObject({ ok: false, error: { field: 'suggestedName' } });
  });
});

describe('projects.list status at a glance', () => {
  it('carries the counts of the newest run, and none before a check', async () => {
    const p = await world.ctx.store.create('Shop');
    const before = await dispatch('projects.list', {}, world.ctx);
    expect(before.ok && (before.value as Listed).projects[0]?.lastRun).toBeUndefined();

    const history = new RunHistory((id) => world.ctx.store.projectDir(id));
    const run = (startedAt: string, fail: number): CheckDocument => ({
      tool: 'mailwright',
      version: '1.2.3',
      domain: 'example.test',
      startedAt,
      durationMs: 5,
      summary: { pass: 3, warn: 1, fail, pending: 2, unknown: 0, info: 0 },
      findings: [],
    });
    await history.save(p.id, run('2026-11-20T10:00:00.000Z', 5));
    await history.save(p.id, run('2026-11-22T10:00:00.000Z', 1));
    const after = await dispatch('projects.list', {}, world.ctx);
    expect(after.ok && (after.value as Listed).projects[0]?.lastRun).toEqual({
      startedAt: '2026-11-22T10:00:00.000Z',
      fail: 1,
      warn: 1,
      pending: 2,
      unknown: 0,
    });
  });
});
