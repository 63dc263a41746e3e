import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs helper shared with `npm start`
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { loopbackServeArgs } from './serve-fixture';
import { startDnsWorld, type DnsWorld } from '../integration/verify/dns-world';
import { zoneText } from '../peers/zone-fixtures';

// The desktop app itself, on a machine that has Electron's binary: the window, a project made
// through the UI, Verify against Knot + Unbound on loopback (the app takes serve's network options
// on its command line), the PDF saved through the save dialog (the dialog alone is stubbed, in
// main: it answers with a path as a user would) and the system notification.
// Our build machines cannot download the binary, so there this reports itself skipped; the shell's
// guards are tested with injected objects (tests/unit/electron) and the renderer in Chromium.
const binary = (findElectronBinary as () => string | null)();
const SKIP_REASON =
  'Electron binary not installed (it downloads from GitHub, unreachable here); browser-mode e2e covers the renderer and tests/unit/electron the shell.';

const ZONE = zoneText({
  origin: 'ok.test',
  ttl: 3,
  negativeTtl: 2,
  records: [
    'mail IN A 192.0.2.10',
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 mx -all"',
    '_dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@ok.test"',
  ],
});

test.describe('the desktop app', () => {
  test.skip(!binary, SKIP_REASON);
  let world: DnsWorld;
  test.beforeAll(async () => {
    world = await startDnsWorld({ 'ok.test': ZONE });
  });
  test.afterAll(async () => {
    await world?.stop();
  });

  test('window, project, Verify on loopback Knot, PDF through the save dialog, notification', async () => {
    test.setTimeout(120_000);
    const dataDir = await mkdtemp(join(tmpdir(), 'mw-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', ...loopbackServeArgs(world.unbound.address, world.nsPort)],
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

      // A project, made as a user makes it.
      await win.getByLabel('Project name').fill('Desktop smoke');
      await win.getByRole('button', { name: 'Create project' }).click();
      await win.getByLabel('Your domain').fill('ok.test');
      await expect(win.getByTestId('mail-host')).toContainText('mail.ok.test');
      await win.getByRole('button', { name: 'Next: Server' }).click();
      await win.getByLabel('IPv4 address').fill('192.0.2.10');
      await expect(win.getByTestId('ipv4-ok')).toBeVisible();
      await expect(win.getByText('All changes saved')).toBeVisible();

      // Verify, against Knot behind Unbound on loopback.
      await win.getByRole('link', { name: 'Verify' }).click();
      await win.getByRole('button', { name: 'Check now' }).click();
      await expect(win.getByTestId('verify-status')).toContainText('Check finished', {
        timeout: 60_000,
      });
      await expect(win.locator('li.finding').first()).toBeVisible();

      // The PDF, saved through the save dialog: main's dialog answers with a path.
      const pdfPath = join(dataDir, 'summary.pdf');
      await app.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (async () => ({
          canceled: false,
          filePath: path,
        })) as unknown as typeof dialog.showSaveDialog;
      }, pdfPath);
      await win.getByRole('link', { name: 'Summary' }).click();
      await win.getByRole('button', { name: 'Export PDF' }).click();
      await expect
        .poll(
          async () =>
            (await readFile(pdfPath).catch(() => Buffer.alloc(0))).subarray(0, 5).toString(),
          {
            timeout: 30_000,
          },
        )
        .toBe('%PDF-');

      // The notification is Electron's own, shown by main.
      const supported = await app.evaluate(({ Notification }) => {
        const g = globalThis as unknown as { shownNotes: number };
        g.shownNotes = 0;
        const show = Notification.prototype.show;
        Notification.prototype.show = function (this: Electron.Notification) {
          g.shownNotes += 1;
          return show.call(this);
        };
        return Notification.isSupported();
      });
      const note = await win.evaluate(() =>
        (
          globalThis as unknown as {
            mailwright: { app: { notify(r: object): Promise<unknown> } };
          }
        ).mailwright.app.notify({ title: 'Mailwright', body: 'Smoke test' }),
      );
      expect(note).toMatchObject({ ok: true, value: { shown: supported } });
      const shown = await app.evaluate(
        () => (globalThis as unknown as { shownNotes: number }).shownNotes,
      );
      expect(shown).toBe(supported ? 1 : 0);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
