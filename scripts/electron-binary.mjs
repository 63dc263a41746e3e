// Where is the Electron binary, without triggering electron's download-on-require?
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Electron executable's path, or null when it has not been downloaded. */
export function findElectronBinary() {
  const require = createRequire(import.meta.url);
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/** Why `npm start` opens browser mode instead of the desktop window. */
export const NO_ELECTRON_MESSAGE = `The Electron desktop runtime is not installed on this machine and could not be downloaded
(Electron fetches its binary from GitHub on first launch, which this network does not allow).
Everything else works the same in your web browser: the same pages, the same checks, the same
projects folder.`;
