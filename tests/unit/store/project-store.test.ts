import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectStore } from '../../../main/store/project-store';
import {
  parseProjectFile,
  PROJECT_FILE_VERSION,
  serializeProjectFile,
} from '../../../main/store/project-file';

let dir: string;
let store: ProjectStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-store-'));
  store = new ProjectStore(dir);
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('the project store', () => {
  it('creates, saves and reads back a project, newest first', async () => {
    const a = await store.create('First', new Date('2026-01-01T00:00:00Z'));
    const b = await store.create('Second', new Date('2026-01-02T00:00:00Z'));
    await store.save(
      { ...a, draft: { ...a.draft, domain: 'example.com' } },
      new Date('2026-01-03T00:00:00Z'),
    );
    const { projects, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(projects.map((p) => p.name)).toEqual(['First', 'Second']);
    expect(projects[0]?.domain).toBe('example.com');
    expect((await store.get(b.id)).name).toBe('Second');
  });

  it('writes files readable only by the user, with a schema version', async () => {
    const p = await store.create('Mine');
    const file = join(dir, 'projects', p.id, 'project.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(PROJECT_FILE_VERSION);
  });

  it('moves a corrupt file aside and reports it, never overwriting it', async () => {
    const p = await store.create('Will break');
    const file = join(dir, 'projects', p.id, 'project.json');
    await writeFile(file, '{"schemaVersion":1,"project":{"id":');
    const { projects, problems } = await store.list();
    expect(projects).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/could not be read: it is not valid JSON/);
    const kept = await readdir(join(dir, 'projects-unreadable'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, 'projects-unreadable', kept[0]!), 'utf8')).toBe(
      '{"schemaVersion":1,"project":{"id":',
    );
  });

  it('refuses a file from a newer version with a clear message', () => {
    expect(() => parseProjectFile(JSON.stringify({ schemaVersion: 99, project: {} }))).toThrow(
      /newer version of Mailwright/,
    );
  });

  it('runs migrations from older versions, in order', () => {
    const v1 = {
      id: 'abcdef12',
      name: 'Old',
      createdAt: 'x',
      updatedAt: 'x',
      step: 'domain',
      draft: { domain: 'a.com', mailHostLabel: 'mail' },
    };
    const migrations = {
      1: (p: Record<string, unknown>) => ({ ...p, name: `${String(p.name)} v2` }),
      2: (p: Record<string, unknown>) => ({ ...p, name: `${String(p.name)} v3` }),
    };
    const migrated = parseProjectFile(
      JSON.stringify({ schemaVersion: 1, project: v1 }),
      migrations,
      3,
    );
    expect(migrated.name).toBe('Old v2 v3');
    expect(() =>
      parseProjectFile(JSON.stringify({ schemaVersion: 1, project: v1 }), {}, 2),
    ).toThrow(/no migration from file version 1/);
    expect(() => parseProjectFile(JSON.stringify({ project: v1 }))).toThrow(/no schema version/);
  });

  it('duplicates a project with its history but a new id', async () => {
    const p = await store.create('Original');
    await mkdir(join(dir, 'projects', p.id, 'runs'), { recursive: true });
    await writeFile(join(dir, 'projects', p.id, 'runs', 'r1.json'), '{}');
    const copy = await store.duplicate(p.id);
    expect(copy.id).not.toBe(p.id);
    expect(copy.name).toBe('Original (copy)');
    expect(await readdir(join(dir, 'projects', copy.id, 'runs'))).toEqual(['r1.json']);
  });

  it('deletes a project folder and then says it does not exist', async () => {
    const p = await store.create('Gone');
    await store.delete(p.id);
    await expect(store.get(p.id)).rejects.toThrow(/no longer exists/);
    expect((await store.list()).projects).toEqual([]);
  });

  it('refuses ids that could escape the data folder', () => {
    expect(() => store.projectDir('../../etc')).toThrow(/not a project id/);
  });

  it('round-trips unknown draft fields written by a newer step', () => {
    const p = {
      id: 'abcdef12',
      name: 'X',
      createdAt: 'x',
      updatedAt: 'x',
      step: 'domain' as const,
      draft: { domain: '', mailHostLabel: 'mail', future: 1 },
    };
    expect(parseProjectFile(serializeProjectFile(p)).draft).toMatchObject({ future: 1 });
  });
});
