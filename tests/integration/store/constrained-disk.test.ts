import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeTempDir, removeTempDir } from '../../peers/temp-dir';
import { runWithConstrainedFolder } from '../../peers/constrained-folder';
import { ProjectStore } from '../../../main/store/project-store';
import type { Result } from '../../../shared/api/result';

// A full disk and a read-only data folder, for real (tmpfs / read-only bind mount in a private
// mount namespace): the results of a check are never lost, a failed key write leaves nothing,
// and messages say "disk is full" / "read-only", never ENOSPC or ENOENT.

const scripts = resolve(import.meta.dirname, 'scripts');
type Err = { ok: false; error: { code: string; message: string } };

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('constrained');
});
afterEach(async () => removeTempDir(dir));

describe('a full disk', () => {
  it('returns a check with a note that it was not saved; a DKIM key is written whole or not at all', () => {
    const r = runWithConstrainedFolder<{
      verify: Result<{ document: { findings: unknown[] }; notSaved?: string; stored?: string }>;
      runsAfterVerify: string[];
      keygen: Err;
      filesAfterKeygen: string[];
      save: Err;
      nameAfterSave: string;
      create: Err;
      keygenRetry: boolean;
      filesAfterRetry: string[];
    }>(dir, { kind: 'small-disk', kilobytes: 512 }, join(scripts, 'full-disk.ts'), []);

    // The run is answered, with its findings, and says it was not stored.
    expect(r.verify.ok).toBe(true);
    if (r.verify.ok) {
      expect(r.verify.value.document.findings.length).toBeGreaterThan(0);
      expect(r.verify.value.stored).toBeUndefined();
      expect(r.verify.value.notSaved).toMatch(
        /^These results were not saved in the project's history: the disk is full\./,
      );
    }
    expect(r.runsAfterVerify).toEqual([]);

    // No 0-byte key, no temp file; the message is plain words.
    expect(r.keygen.ok).toBe(false);
    expect(r.keygen.error.code).toBe('keygen-failed');
    expect(r.keygen.error.message).toBe(
      'The key could not be made: the disk is full. Nothing was written; try again once this is fixed.',
    );
    expect(r.filesAfterKeygen.filter((n) => n !== 'runs')).toEqual(['project.json']);

    // A save that cannot be written keeps the old file whole.
    expect(r.save.error).toEqual({
      code: 'not-saved',
      message:
        'The project could not be saved: the disk is full. What was saved before is unchanged.',
    });
    expect(r.nameAfterSave).toBe('Full disk');
    expect(r.create.error.message).toMatch(/could not be saved: the disk is full/);

    // Once there is room, the retry makes the key (no "a key exists").
    expect(r.keygenRetry).toBe(true);
    expect(r.filesAfterRetry.filter((n) => n !== 'runs').sort()).toEqual([
      'example.com.mail.key',
      'project.json',
    ]);
  });
});

describe('a read-only data folder', () => {
  it('lists the readable projects, reports the unreadable file in place, and says "read-only"', async () => {
    const store = new ProjectStore(dir);
    const good = await store.create('Good one');
    await store.save({ ...good, draft: { ...good.draft, domain: 'example.com' } });
    await store.create('Good two');
    const bad = await store.create('Broken');
    const badFile = join(dir, 'projects', bad.id, 'project.json');
    await writeFile(badFile, '{"schemaVersion":1,"project":{"id":');
    const interrupted = join(dir, 'projects', good.id, `project.json.999999999.0123456789ab.tmp`);
    await writeFile(interrupted, 'old temp');

    const r = runWithConstrainedFolder<{
      list: Result<{
        projects: { name: string }[];
        problems: { file: string; keptAs: string; message: string }[];
      }>;
      getBad: Err;
      create: Err;
      verify: Result<{ document: { findings: unknown[] }; notSaved?: string }>;
      keygen: Err;
      cleaned: string[];
      badFolder: string[];
      top: string[];
    }>(dir, { kind: 'read-only' }, join(scripts, 'read-only.ts'), [good.id, bad.id]);

    expect(r.list.ok).toBe(true);
    if (r.list.ok) {
      expect(r.list.value.projects.map((p) => p.name).sort()).toEqual(['Good one', 'Good two']);
      expect(r.list.value.problems).toEqual([
        {
          file: badFile,
          keptAs: badFile,
          message: expect.stringMatching(
            /could not be read: it is not valid JSON .*It was left where it is, unchanged, because the data folder is read-only\.$/,
          ),
        },
      ]);
    }
    expect(r.getBad.error.message).toMatch(
      /left where it is, unchanged, because the data folder is read-only/,
    );
    expect(r.create.error).toEqual({
      code: 'not-saved',
      message:
        'The project could not be saved: the data folder is read-only. What was saved before is unchanged.',
    });
    expect(r.verify.ok && r.verify.value.notSaved).toMatch(
      /not saved .*: the data folder is read-only\./,
    );
    expect(r.keygen.error.message).toMatch(
      /^The key could not be made: the data folder is read-only\./,
    );
    for (const e of [r.getBad, r.create, r.keygen])
      expect(e.error.message).not.toMatch(/E[A-Z]{3,}/);
    expect(r.cleaned).toEqual([]);
    expect(r.top).toEqual(['projects']);
    expect(r.badFolder).toEqual(['project.json']);
    // Nothing was changed: the broken file is as it was.
    expect(await readFile(badFile, 'utf8')).toBe('{"schemaVersion":1,"project":{"id":');
    expect(await readdir(join(dir, 'projects'))).toHaveLength(3);
    await mkdir(join(dir, 'x')); // the folder is writable again outside the namespace
  });
});
