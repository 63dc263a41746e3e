import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { makeTempDir, removeTempDir } from '../../peers/temp-dir';
import { ProjectStore } from '../../../main/store/project-store';
import { parseProjectFile } from '../../../main/store/project-file';

// The store's atomicity, tested as a crash meets it: a process saving a 300 KB project in a loop
// is killed with SIGKILL at a random moment, a few hundred times. After every kill the file must
// parse and hold the last version the process finished saving or the one it was writing, never
// half of one; and the temp files interrupted saves leave are removed at the next start.
// Replacing the atomic write with a plain writeFile makes this test fail.

// Bounded in time for a busy machine; at least MIN_ITERATIONS must run for the test to count.
const ITERATIONS = 250;
const TIME_LIMIT_MS = 60_000;
const MIN_ITERATIONS = 40;

let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = await makeTempDir('kill9');
  bundle = join(dir, 'save-loop.cjs');
  // One bundled file starts in a few tens of milliseconds (no TypeScript loader per start).
  await build({
    entryPoints: [resolve(import.meta.dirname, 'scripts', 'save-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    minify: true,
    logLevel: 'silent',
  });
});
afterAll(async () => removeTempDir(dir));

/** Run the save loop from version `first`, kill it after `delayMs`; the versions it finished. */
function runAndKill(
  dataDir: string,
  id: string,
  first: number,
  delayMs: number,
): Promise<number[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, id, String(first)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (!timer && out.includes('ready\n'))
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`save loop exited ${code}: ${err}`));
      else resolvePromise([...out.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1])));
    });
  });
}

describe('kill -9 during saves', () => {
  it(`leaves a whole project file every time (${ITERATIONS} kills)`, async () => {
    const dataDir = join(dir, 'data');
    const store = new ProjectStore(dataDir);
    const created = await store.create('v0');
    const folder = store.projectDir(created.id);
    const file = join(folder, 'project.json');
    let lastSaved = 0;
    let killsMidSave = 0;
    let iterations = 0;
    const started = Date.now();
    const broken: string[] = [];
    for (; iterations < ITERATIONS && Date.now() - started < TIME_LIMIT_MS; iterations += 1) {
      const saved = await runAndKill(dataDir, created.id, lastSaved + 1, Math.random() * 40);
      if (saved.length) lastSaved = saved[saved.length - 1] as number;

      let version: number;
      try {
        const p = parseProjectFile(await readFile(file, 'utf8'));
        version = Number(p.name.slice(1));
        const paste = String(p.draft.dkimPaste ?? '');
        if (lastSaved > 0 || version > 0) {
          expect(paste.startsWith(`${version}:`)).toBe(true);
          expect(paste.length).toBe(`${version}:`.length + 300_000);
        }
      } catch (e) {
        broken.push(`kill ${iterations}: ${(e as Error).message.slice(0, 120)}`);
        continue;
      }
      // The last finished version, or the one being written when the kill came.
      expect([lastSaved, lastSaved + 1]).toContain(version);
      if (version === lastSaved + 1) lastSaved = version;

      const temps = (await readdir(folder)).filter((n) => n !== 'project.json');
      if (temps.length) killsMidSave += 1;
      // What the next start does: the dead process's temp files go, the project stays.
      await store.removeInterruptedSaves();
      expect(await readdir(folder)).toEqual(['project.json']);
    }
    expect(broken).toEqual([]);
    expect(iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS);
    console.log(
      `kill -9 during saves: ${iterations} kills, ${killsMidSave} left a temp file (cleaned at start), 0 half-written, last version ${lastSaved}`,
    );
  }, 120_000);
});
