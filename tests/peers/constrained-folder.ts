import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Run a script with a folder that is full or read-only for real, as a user's disk is: in a
 * private mount namespace (so nothing outside the child sees it), the folder is either replaced
 * by a tiny tmpfs the script fills, or bind-mounted read-only (EROFS, which even root cannot
 * write through). No fake file system: the store meets the kernel's own ENOSPC and EROFS.
 *
 * Needs util-linux `unshare`: as root directly; otherwise in a user namespace (`unshare -r`),
 * or with passwordless sudo, dropping back to the user before the script runs.
 */

/** How a folder is constrained. */
export type Constraint = { kind: 'small-disk'; kilobytes: number } | { kind: 'read-only' };

const ROOT = resolve(import.meta.dirname, '..', '..');

function mountCommand(c: Constraint): string {
  return c.kind === 'small-disk'
    ? `mount -t tmpfs -o size=${c.kilobytes}k,mode=0700 tmpfs "$1"`
    : 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"';
}

let prefix: string[] | null | undefined;
/** The command prefix that gives a private mount namespace here, or null when none does. */
export function mountNamespacePrefix(): string[] | null {
  if (prefix !== undefined) return prefix;
  const tries: string[][] =
    process.getuid?.() === 0
      ? [['unshare', '-m']]
      : [
          ['unshare', '-r', '-m'],
          ['sudo', '-n', 'unshare', '-m'],
        ];
  prefix = null;
  for (const t of tries) {
    const probe = spawnSync(
      t[0]!,
      [
        ...t.slice(1),
        'sh',
        '-c',
        'mount -t tmpfs tmpfs /mnt 2>/dev/null || mount -t tmpfs tmpfs /tmp',
      ],
      {
        encoding: 'utf8',
      },
    );
    if (probe.status === 0) {
      prefix = t;
      break;
    }
  }
  return prefix;
}

/**
 * Run `node --import tsx <script> <folder> ...args` with the folder constrained; returns the
 * script's stdout parsed as JSON (the script prints one JSON value). Throws with stderr when the
 * script fails.
 */
export function runWithConstrainedFolder<T>(
  folder: string,
  constraint: Constraint,
  script: string,
  args: string[] = [],
): T {
  const pre = mountNamespacePrefix();
  if (!pre) throw new Error('no private mount namespace here: unshare (util-linux) is needed');
  const sudo = pre[0] === 'sudo';
  // Under sudo the script runs as the user again once the mount is made.
  const drop = sudo
    ? `setpriv --reuid=${process.getuid?.()} --regid=${process.getgid?.()} --init-groups `
    : '';
  const sh = `${mountCommand(constraint)} && shift && exec ${drop}"$@"`;
  const r = spawnSync(
    pre[0]!,
    [
      ...pre.slice(1),
      'sh',
      '-c',
      sh,
      'sh',
      folder,
      process.execPath,
      '--import',
      'tsx',
      script,
      folder,
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env } },
  );
  if (r.status !== 0) {
    throw new Error(`${script} exited ${r.status ?? r.signal}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout) as T;
}
