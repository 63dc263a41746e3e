import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../main/api/dispatch';
import { EventHub } from '../../../main/api/event-hub';
import { ProjectStore } from '../../../main/store/project-store';
import type { ApiContext } from '../../../main/api/context';
import type { Project } from '../../../shared/model/project';

let dir: string;
let store: ProjectStore;
let ctx: ApiContext;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-folders-'));
  store = new ProjectStore(dir);
  ctx = { version: 't', transport: 'http', store, events: new EventHub() };
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** A project with a generated DKIM key, made as the wizard makes it (dkim.generate, then save). */
async function projectWithKey(name: string): Promise<Project> {
  const p = await store.create(name);
  await store.save({ ...p, draft: { ...p.draft, domain: 'example.com' } });
  const r = await dispatch(
    'dkim.generate',
    { projectId: p.id, selector: 'mail', keyType: 'ed25519' },
    ctx,
  );
  if (!r.ok) throw new Error(r.error.message);
  const key = r.value as {
    selector: string;
    keyType: 'ed25519';
    publicKey: string;
    record: string;
    keyFile: string;
  };
  const current = await store.get(p.id);
  return store.save({
    ...current,
    draft: {
      ...current.draft,
      dkimGenerated: {
        selector: key.selector,
        keyType: key.keyType,
        publicKey: key.publicKey,
        record: key.record,
        keyFile: key.keyFile,
      },
    },
  });
}

describe('duplicate then delete keeps every DKIM private key', () => {
  it('gives the duplicate its own copy of the key (0600) in a 0700 folder; deleting the original keeps it', async () => {
    const original = await projectWithKey('Bakery');
    await mkdir(join(store.projectDir(original.id), 'runs'), { recursive: true });
    await writeFile(join(store.projectDir(original.id), 'runs', 'r1.json'), '{}');
    const copy = await store.duplicate(original.id);
    const originalKey = original.draft.dkimGenerated!.keyFile;
    const copyKey = copy.draft.dkimGenerated!.keyFile;
    expect(copyKey).not.toBe(originalKey);
    expect(copyKey.startsWith(store.projectDir(copy.id))).toBe(true);
    expect(await readFile(copyKey, 'utf8')).toBe(await readFile(originalKey, 'utf8'));
    expect(await modeOf(copyKey)).toBe(0o600);
    expect(await modeOf(store.projectDir(copy.id))).toBe(0o700);
    expect(await modeOf(join(store.projectDir(copy.id), 'runs'))).toBe(0o700);
    expect((await store.get(copy.id)).draft.dkimGenerated?.keyFile).toBe(copyKey);

    await store.delete(original.id);
    expect(await readFile(copyKey, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
  });

  it('refuses to delete a project whose key another project uses (a duplicate from an earlier version)', async () => {
    const original = await projectWithKey('Bakery');
    // What earlier versions wrote: the copy points at the original's key file.
    const old = await store.create('Bakery (copy)');
    await store.save({
      ...old,
      draft: { ...old.draft, dkimGenerated: original.draft.dkimGenerated },
    });
    const r = await dispatch('projects.delete', { id: original.id }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('key-in-use');
      expect(r.error.message).toContain('"Bakery (copy)" uses the DKIM private key');
    }
    expect(await readFile(original.draft.dkimGenerated!.keyFile, 'utf8')).toMatch(/PRIVATE KEY/);
    await store.delete(old.id);
    await store.delete(original.id);
  });
});

describe('project folders as people leave them', () => {
  it('reads a project file saved with a UTF-8 byte-order mark', async () => {
    const p = await store.create('With BOM');
    const file = join(store.projectDir(p.id), 'project.json');
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);
    const { projects, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(projects.map((x) => x.name)).toEqual(['With BOM']);
    expect((await store.get(p.id)).name).toBe('With BOM');
  });

  it('reports a project.json that is a folder and lists the rest', async () => {
    await store.create('Fine');
    const broken = join(dir, 'projects', 'abcdef-0001');
    await mkdir(join(broken, 'project.json'), { recursive: true });
    const { projects, problems } = await store.list();
    expect(projects.map((x) => x.name)).toEqual(['Fine']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('"project.json" there is a folder, not a file');
    await expect(store.get('abcdef-0001')).rejects.toThrow(/is a folder, not a file/);
  });

  it('makes a folder copied by hand a project of its own (not the same id twice), with its own key', async () => {
    const original = await projectWithKey('Shop');
    const copiedId = 'abcdef-0002';
    await cp(store.projectDir(original.id), join(dir, 'projects', copiedId), { recursive: true });
    const first = await store.list();
    expect(first.projects.map((x) => x.id).sort()).toEqual([original.id, copiedId].sort());
    expect(first.problems).toHaveLength(1);
    expect(first.problems[0]?.message).toContain(`is a copy of the project "Shop"`);
    const copy = await store.get(copiedId);
    expect(copy.id).toBe(copiedId);
    expect(copy.draft.dkimGenerated?.keyFile.startsWith(store.projectDir(copiedId))).toBe(true);
    // Said once: the copy now carries its own id on disk.
    expect((await store.list()).problems).toEqual([]);
    await store.delete(original.id);
    expect((await store.list()).projects.map((x) => x.id)).toEqual([copiedId]);
  });

  it('reports a copied folder whose name is not a project id, with a name to give it', async () => {
    const p = await store.create('Shop');
    await cp(store.projectDir(p.id), join(dir, 'projects', 'Shop copy'), { recursive: true });
    const { projects, problems } = await store.list();
    expect(projects.map((x) => x.id)).toEqual([p.id]);
    expect(problems[0]?.message).toMatch(
      /its name is not a project id.*rename the folder to [0-9a-f-]{36}/,
    );
  });
});

describe('temp files of interrupted saves', () => {
  /** The id of a process that ran and is gone. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    return child.pid!;
  }

  it('removes those of a process that is gone, keeps those of a running save', async () => {
    const p = await store.create('Saved');
    const folder = store.projectDir(p.id);
    await mkdir(join(folder, 'runs'));
    const text = await readFile(join(folder, 'project.json'), 'utf8');
    const gone = await deadPid();
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const abandoned = join(folder, `project.json.${gone}.0123456789ab.tmp`);
      const abandonedRun = join(
        folder,
        'runs',
        `2026-01-01T00-00-00.000Z.json.${gone}.0123456789ab.tmp`,
      );
      const owned = join(folder, `project.json.${running.pid}.0123456789ab.tmp`);
      const legacyOld = join(folder, 'project.json.3735928559');
      const legacyNew = join(folder, 'project.json.12345');
      for (const f of [abandoned, abandonedRun, owned, legacyOld, legacyNew])
        await writeFile(f, text);
      const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      await utimes(legacyOld, hourAgo, hourAgo);

      const removed = await store.removeInterruptedSaves();
      expect(removed.sort()).toEqual([abandoned, abandonedRun, legacyOld].sort());
      expect((await readdir(folder)).sort()).toEqual(
        [
          'project.json',
          `project.json.${running.pid}.0123456789ab.tmp`,
          'project.json.12345',
          'runs',
        ].sort(),
      );
      expect((await store.list()).projects.map((x) => x.name)).toEqual(['Saved']);
    } finally {
      running.kill();
    }
  });
});

describe('verify.run with a plan in the call', () => {
  it('refuses values a plan file could not have, naming the field (no crash on "1231233")', async () => {
    const r = await dispatch(
      'verify.run',
      { plan: { domain: 'example.com', mailHost: 'mail.example.com', ipv4: ['1231233'] } },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-request');
      expect(r.error.field).toBe('plan.ipv4[0]');
      expect(r.error.message).toMatch(/^ipv4\[0\]: "1231233"/);
    }
  });
});
