import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs helper shared with `npm start`
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const binary = (findElectronBinary as () => string | null)();

test('the Electron window opens and reaches the contract', async () => {
  test.skip(
    !binary,
    'Electron binary not installed (it downloads from GitHub, unreachable here); browser-mode e2e covers the renderer.',
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'mw-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    env: { ...process.env, MAILWRIGHT_DATA: dataDir },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'Your mail setups' })).toBeVisible();
    const info = await win.evaluate(() =>
      (
        globalThis as unknown as { mailwright: { app: { info(r: object): Promise<unknown> } } }
      ).mailwright.app.info({}),
    );
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
    // Sandboxed, isolated renderer: no Node globals leak into the page.
    const leaks = await win.evaluate(() => [
      typeof (globalThis as Record<string, unknown>).require,
      typeof (globalThis as Record<string, unknown>).process,
    ]);
    expect(leaks).toEqual(['undefined', 'undefined']);
    // Watch mode's notification is Electron's own, shown by main (the system may not support it).
    const note = await win.evaluate(() =>
      (
        globalThis as unknown as {
          mailwright: { app: { notify(r: object): Promise<unknown> } };
        }
      ).mailwright.app.notify({ title: 'Mailwright', body: 'Smoke test' }),
    );
    expect(note).toMatchObject({ ok: true, value: { shown: expect.any(Boolean) } });
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
