import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot, serve, loopbackServeArgs } from './serve-fixture';
import { startDnsWorld, type DnsWorld } from '../integration/verify/dns-world';
import { txtData, zoneText } from '../peers/zone-fixtures';
import { expectAccessible } from './axe';
import { expectPrivateKeyKept, makeRsaKey } from './dkim-key-pages';

// The Ed25519 key beside the RSA key, in the browser: made on the DKIM step, shown on the
// Records step as a card of its own, removable, and checked on the Verify step against Knot.

const dkimCards = (page: Page): Locator =>
  page.getByTestId('record-card').filter({ hasText: /DKIM key \(/ });

test.use({ permissions: ['clipboard-read', 'clipboard-write'], actionTimeout: 10_000 });

test('DKIM: an Ed25519 key beside the RSA key, on the Records step, and removed again', async ({
  page,
  served,
}) => {
  await makeRsaKey(page, served, 'Two keys for example.test', 'example.test');
  const ed = page.getByTestId('dkim-ed25519');
  await expect(ed).toContainText('published beside your RSA key, never instead of it');
  await expect(ed).toContainText('"mw2026-ed25519"');
  await ed.getByRole('button', { name: 'Also make an Ed25519 key' }).click();
  await expect(page.getByTestId('dkim-ed25519-generated')).toHaveText(
    'An Ed25519 key for the selector "mw2026-ed25519" was made on this computer.',
  );
  const record = (await page.getByTestId('dkim-ed25519-record').textContent()) ?? '';
  expect(record).toMatch(/^v=DKIM1; k=ed25519; p=[A-Za-z0-9+/]{43}=$/);
  const { keyFile, pem } = await expectPrivateKeyKept(
    page,
    served,
    'dkim-ed25519-key-file',
    'example.test.mw2026-ed25519.key',
  );

  // The copy button copies the Ed25519 record, not the RSA one.
  await ed.getByRole('button', { name: 'Copy Ed25519 DKIM record' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(record);

  // The Rspamd settings now sign with both selectors.
  await expect(
    page.getByRole('heading', { name: 'Rspamd signs your mail with both keys' }),
  ).toBeVisible();
  const conf = page.locator('.setup-file pre').first();
  await expect(conf).toContainText('selector = "mw2026";');
  await expect(conf).toContainText('selector = "mw2026-ed25519";');
  await expect(page.locator('.setup ol')).toContainText('tail -c 32 | base64');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expectAccessible(page, 'DKIM (RSA and Ed25519)');
  await page.screenshot({ path: shot('dkim-ed25519-01-both-keys'), fullPage: true });

  await page.getByRole('link', { name: 'Records' }).click();
  await expect(dkimCards(page)).toHaveCount(2);
  const rsaCard = page.getByTestId('record-card').filter({ hasText: 'DKIM key (mw2026 selector)' });
  const edCard = page
    .getByTestId('record-card')
    .filter({ hasText: 'Ed25519 DKIM key (mw2026-ed25519 selector)' });
  await expect(rsaCard.locator('.value-row[data-field="Value"] code')).toHaveText(
    /^v=DKIM1; k=rsa; p=MII/,
  );
  await expect(edCard.locator('.value-row[data-field="Value"] code')).toHaveText(record);
  await expectAccessible(page, 'Records (two DKIM keys)');
  await edCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('dkim-ed25519-02-records'), fullPage: true });

  // Removed: its card leaves the Records step; the file stays, and the page says where.
  await page.getByRole('link', { name: 'DKIM' }).click();
  await page.getByRole('button', { name: 'Remove the Ed25519 key' }).click();
  await expect(page.getByTestId('dkim-ed25519-removed')).toContainText(keyFile);
  await expect(page.getByRole('heading', { name: 'Rspamd signs your mail' })).toBeVisible();
  expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  await expectAccessible(page, 'DKIM (Ed25519 removed)');
  await page.getByRole('link', { name: 'Records' }).click();
  await expect(dkimCards(page)).toHaveCount(1);

  // Made again: the old file is not replaced without asking.
  await page.getByRole('link', { name: 'DKIM' }).click();
  await page.getByRole('button', { name: 'Also make an Ed25519 key' }).click();
  await expect(page.getByRole('alert')).toContainText('was made before');
  expect(await readFile(keyFile, 'utf8')).toBe(pem);
  await page.getByRole('button', { name: 'Replace the Ed25519 key' }).click();
  await expect(page.getByTestId('dkim-ed25519-generated')).toBeVisible();
  expect(await readFile(keyFile, 'utf8')).not.toBe(pem);
  await expect(page.getByTestId('dkim-ed25519-record')).not.toHaveText(record);
});

test.describe('checked on the Verify step', () => {
  let world: DnsWorld;
  let dataDir: string;
  const zone = (dkim: string[]) =>
    zoneText({
      origin: 'ed.test',
      ttl: 2,
      negativeTtl: 1,
      records: [
        'mail IN A 192.0.2.10',
        '@ IN MX 10 mail',
        '@ IN TXT "v=spf1 mx -all"',
        'mail IN TXT "v=spf1 a -all"',
        '_dmarc IN TXT "v=DMARC1; p=none"',
        ...dkim,
      ],
    });

  test.beforeAll(async () => {
    world = await startDnsWorld({ 'ed.test': zone([]) });
  });
  test.afterAll(async () => {
    await world?.stop();
  });
  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mw-e2e-ed25519-'));
  });
  test.afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a missing Ed25519 record fails on its own while the RSA record passes', async ({
    page,
  }) => {
    const served = await serve(dataDir, loopbackServeArgs(world.unbound.address, world.nsPort));
    try {
      await makeRsaKey(page, served, 'Two keys for ed.test', 'ed.test');
      await page.getByRole('button', { name: 'Also make an Ed25519 key' }).click();
      await expect(page.getByTestId('dkim-ed25519-generated')).toBeVisible();
      // The DNS host has only the RSA record, copied from the page as a user would.
      const rsa =
        (await page
          .locator('[data-testid="dkim-generate"] .value-block code.value')
          .first()
          .textContent()) ?? '';
      expect(rsa).toMatch(/^v=DKIM1; k=rsa; p=/);
      await world.knot.setZone('ed.test', zone([`mw2026._domainkey IN TXT ${txtData(rsa)}`]));
      await world.unbound.flush('ed.test');

      await page.getByRole('link', { name: 'Verify' }).click();
      await page.getByRole('button', { name: 'Check now' }).click();
      await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
        timeout: 30_000,
      });
      const present = page.locator('li.finding[data-check="dkim.present"]');
      await expect(present).toHaveCount(2);
      const rsaItem = present.filter({ hasText: 'about mw2026._domainkey.ed.test' });
      const edItem = present.filter({ hasText: 'about mw2026-ed25519._domainkey.ed.test' });
      await expect(rsaItem.locator('[data-status]')).toHaveText(/OK/);
      await expect(edItem.locator('[data-status]')).toHaveText(/Needs fixing/);
      await expect(edItem).toContainText('The Ed25519 DKIM key is not published');
      // The fix is the Ed25519 record itself, whole, ready to copy.
      const fix = edItem.getByTestId('paste-fix');
      await expect(fix).toContainText('mw2026-ed25519._domainkey');
      await expect(fix).toContainText('v=DKIM1; k=ed25519; p=');
      await expect(
        page
          .locator('li.finding[data-check="dkim.matches"]')
          .filter({ hasText: 'about mw2026._domainkey.ed.test' })
          .locator('[data-status]'),
      ).toHaveText(/OK/);
      await expectAccessible(page, 'Verify (Ed25519 missing)');
      await page
        .getByRole('heading', { level: 2, name: 'DKIM: the signing key' })
        .scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot('dkim-ed25519-03-verify-missing'), fullPage: true });

      // The Records step's own check marks the two cards apart.
      await page
        .getByRole('navigation', { name: 'Setup steps' })
        .getByRole('link', { name: /^Records( \(|$)/ })
        .click();
      await page.getByRole('button', { name: 'Check these now' }).click();
      await expect(page.getByText(/^Checked just now/)).toBeVisible({ timeout: 30_000 });
      const edCard = page
        .getByTestId('record-card')
        .filter({ hasText: 'Ed25519 DKIM key (mw2026-ed25519 selector)' });
      const rsaCard = page
        .getByTestId('record-card')
        .filter({ hasText: 'DKIM key (mw2026 selector)' });
      await expect(edCard.locator('[data-status]').first()).toHaveText(/Needs fixing/);
      await expect(rsaCard.locator('[data-status]').first()).toHaveText(/OK/);
      await page.screenshot({ path: shot('dkim-ed25519-04-records-status'), fullPage: true });
    } finally {
      await served.stop();
    }
  });
});
