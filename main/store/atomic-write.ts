import { link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Atomic file writes for everything Mailwright keeps (projects, run history, DKIM keys): the text
 * goes to a temp file beside the target, is flushed to disk, then renamed over the target, so a
 * crash, a kill -9 or a full disk leaves the old file or the new one, never half of one. The temp
 * file's name carries the writing process's id (`<name>.<pid>.<random>.tmp`), so a later start
 * can remove what an interrupted save left without touching a save another process is making.
 */

const TEMP = /^(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;
// Temp files of write-file-atomic (earlier versions of Mailwright): "<name>.json.<uint32>".
const LEGACY_TEMP = /^.+\.json\.\d+$/;
// A temp file older than this is left over whatever its process id says (ids are reused).
const STALE_MS = 24 * 60 * 60 * 1000;
// Legacy temp names carry no process id: only an old one is surely abandoned.
const LEGACY_STALE_MS = 60 * 60 * 1000;

/** Options of writeAtomic. */
export interface AtomicWriteOptions {
  /** File mode at creation (default 0600: everything Mailwright keeps is the user's alone). */
  mode?: number;
  /** Refuse (EEXIST) when the target exists, instead of replacing it. */
  noReplace?: boolean;
}

/** Write a file atomically (see the file comment); on any failure nothing new is left behind. */
export async function writeAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = join(
    dirname(file),
    `${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let placed = false;
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.noReplace) {
      // link() refuses an existing target atomically, so a key in use is never replaced.
      await link(temp, file);
      await unlink(temp).catch(() => undefined);
    } else {
      await rename(temp, file);
    }
    placed = true;
    await syncFolder(dirname(file));
  } finally {
    if (!placed) await unlink(temp).catch(() => undefined);
  }
}

// The rename is durable only once the folder is flushed; some systems cannot (best effort).
async function syncFolder(dir: string): Promise<void> {
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* Windows and some file systems cannot sync a folder */
  }
}

/**
 * Make a folder and its missing parents (mode 0700 by default). Unlike `mkdir -p` in Node, which
 * reports ENOENT for a read-only parent, the error is the real one (EROFS, EACCES, ENOSPC), so
 * the user reads "read-only" and not "no such file".
 */
export async function makeFolder(path: string, mode = 0o700): Promise<void> {
  try {
    await mkdir(path, { mode });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(path) === path) throw e;
    await makeFolder(dirname(path), mode);
    try {
      await mkdir(path, { mode });
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

/** Is a process with this id running (on this computer)? */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temp files interrupted saves left in these folders: ours from a process that is no
 * longer running (or older than a day), write-file-atomic's older than an hour. A temp file of a
 * running process (another window, `mailwright serve`) is left alone. Returns what was removed.
 */
export async function removeInterruptedSaves(
  folders: readonly string[],
  now = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const ours = TEMP.exec(name);
      if (!ours && !LEGACY_TEMP.test(name)) continue;
      const path = join(folder, name);
      try {
        const age = now - (await stat(path)).mtimeMs;
        if (ours) {
          const pid = Number(ours[2]);
          const abandoned = pid !== process.pid && !processAlive(pid);
          if (!abandoned && age < STALE_MS) continue;
        } else if (age < LEGACY_STALE_MS) continue;
        await unlink(path);
        removed.push(path);
      } catch {
        /* gone already, or a read-only folder: nothing to clean */
      }
    }
  }
  return removed;
}
