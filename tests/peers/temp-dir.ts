import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Make a fresh temp dir for one peer (short path: unix socket paths are limited to 107 bytes). */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `mw-${prefix}-`));
}

/** Remove a peer's temp dir; never fails a test over cleanup. */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}
