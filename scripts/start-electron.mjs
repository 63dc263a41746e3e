// `npm start`: launch the desktop app, or explain clearly why it cannot start here.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

let bin = findElectronBinary();
if (!bin) {
  const require = createRequire(import.meta.url);
  const install = join(dirname(require.resolve('electron/package.json')), 'install.js');
  process.stdout.write('Downloading the Electron runtime (first launch only)...\n');
  const r = spawnSync(process.execPath, [install], { encoding: 'utf8', timeout: 120_000 });
  bin = r.status === 0 ? findElectronBinary() : null;
  if (!bin) {
    const reason = `${r.stderr ?? ''}`.split('\n').find((l) => /Error/.test(l)) ?? r.error?.message ?? 'unknown error';
    process.stderr.write(`The download failed (${reason.trim()}).\n`);
  }
}
if (!bin) {
  process.stderr.write(`\n${NO_ELECTRON_MESSAGE}\n`);
  process.exit(1);
}
const child = spawn(bin, ['.'], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
