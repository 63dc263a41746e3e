import { describe, expect, it } from 'vitest';
import { freshApiContext } from './api-context';
import { CALL_NAMES } from '../../../shared/api/contract';
import { handlers } from '../../../main/api/handlers';
import { dispatch } from '../../../main/api/dispatch';

const world = freshApiContext('api');

describe('the contract', () => {
  it('has a handler for every call, and no handler without a call', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(typeof handlers[name]).toBe('function');
  });

  it('validates the request of every call before any handler runs', async () => {
    for (const name of CALL_NAMES) {
      const r = await dispatch(name, 42, world.ctx);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });
});

describe('dispatch', () => {
  it('answers a valid call with {ok:true,value}', async () => {
    const r = await dispatch('app.info', {}, world.ctx);
    expect(r).toEqual({
      ok: true,
      value: { version: '1.2.3', transport: 'http', dataDir: world.dir },
    });
  });

  it('refuses an unknown call by name', async () => {
    const r = await dispatch('fs.readFile', { path: '/etc/passwd' }, world.ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('validates the payload and names the field', async () => {
    const r = await dispatch('projects.create', { name: '   ' }, world.ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'name' } });
    if (!r.ok) expect(r.error.message).toMatch(/Give the project a name/);
    const r2 = await dispatch('projects.get', 'not an object', world.ctx);
    expect(r2.ok).toBe(false);
  });

  it('turns handler errors into data, never throws', async () => {
    const r = await dispatch('projects.get', { id: 'abcdef-missing' }, world.ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('emits an event when a project changes', async () => {
    const seen: unknown[] = [];
    world.ctx.events.subscribe((name, payload) => seen.push([name, payload]));
    const r = await dispatch('projects.create', { name: 'Shop' }, world.ctx);
    expect(r.ok).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject(['projects.changed', { change: 'saved' }]);
  });
});
