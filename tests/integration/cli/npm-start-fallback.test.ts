import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper shared with `npm start`
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';

const hasElectron = Boolean((findElectronBinary as () => string | null)());

// `npm start` where Electron's binary cannot be had (as on our build machines): it must say why
// and run the app anyway, in browser mode. The download is pointed at a closed local port so the
// test behaves the same on a machine with internet (where it would otherwise fetch Electron).
describe('npm start without the Electron runtime', () => {
  it('says why, starts browser mode, prints a working address', async (ctx) => {
    if (hasElectron)
      ctx.skip('Electron is installed here, so npm start opens the desktop app (electron-smoke).');
    const data = await mkdtemp(join(tmpdir(), 'mw-start-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MAILWRIGHT_DATA: data,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(process.execPath, ['scripts/start-electron.mjs'], { env });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no address within 60 s:\n${out}`)),
          60_000,
        );
        child.stdout.on('data', () => {
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      expect(out).toContain('The Electron desktop runtime is not installed');
      expect(out).toMatch(/\(the download failed: .+\)/);
      expect(out).toContain('Starting browser mode instead: no desktop here');
      const page = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Mailwright</title>');
    } finally {
      const closed = new Promise((r) => child.once('close', r));
      child.kill('SIGTERM');
      await closed;
      await rm(data, { recursive: true, force: true });
    }
    expect(child.exitCode ?? 0).toBe(0);
  }, 90_000);
});
