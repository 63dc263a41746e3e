// `npm start`: the desktop app; where Electron's runtime cannot be had, the same app in the browser.
// Electron downloads its binary from GitHub on first launch. Where that is not possible (no access to
// it, as on our build machines), this says why and starts browser mode instead (`mailwright serve`:
// 127.0.0.1 only, behind a one-time key), opening the browser when there is a desktop to open it on.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

/** First line of the download's error that says what went wrong. */
function downloadFailure(r) {
  if (r.error) return r.error.message;
  const lines = `${r.stderr ?? ''}`.split('\n');
  return (lines.find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(l)) ?? 'no reason given').trim();
}

let bin = process.env.MAILWRIGHT_NO_ELECTRON ? null : findElectronBinary();
let reason = process.env.MAILWRIGHT_NO_ELECTRON ? 'MAILWRIGHT_NO_ELECTRON is set' : '';
if (!bin && !reason) {
  const require = createRequire(import.meta.url);
  const install = join(dirname(require.resolve('electron/package.json')), 'install.js');
  process.stdout.write('Downloading the Electron runtime (first launch only)...\n');
  const r = spawnSync(process.execPath, [install], { encoding: 'utf8', timeout: 90_000 });
  bin = r.status === 0 ? findElectronBinary() : null;
  if (!bin) reason = `the download failed: ${downloadFailure(r)}`;
}

if (bin) {
  const child = spawn(bin, ['.'], { stdio: 'inherit' });
  child.on('close', (code) => process.exit(code ?? 1));
} else {
  // A desktop to open a browser on: always on macOS and Windows; on Linux, a display server.
  const desktop =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  process.stdout.write(
    `\n${NO_ELECTRON_MESSAGE}\n(${reason})\n\nStarting browser mode instead` +
      `${desktop ? '; your browser opens at the address below.' : ': no desktop here, so open the address below in a browser on this computer.'}\n\n`,
  );
  const cli = join(dirname(new URL(import.meta.url).pathname), '..', 'bin', 'mailwright.js');
  const args = [cli, 'serve', ...(desktop ? [] : ['--no-open']), ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('close', (code) => process.exit(code ?? 0));
}
