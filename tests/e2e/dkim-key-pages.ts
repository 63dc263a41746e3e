import { readFile, stat } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, type Served } from './serve-fixture';

/**
 * A new project up to its DKIM step (Rspamd on the server), with an RSA key made there for the
 * selector "mw2026".
 */
export async function makeRsaKey(
  page: Page,
  served: Served,
  project: string,
  domain: string,
): Promise<void> {
  await page.goto(served.url);
  await page.getByLabel('Project name').fill(project);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill(domain);
  await page.getByRole('button', { name: 'Next: Server' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Server' })).toBeVisible();
  await page.getByLabel('IPv4 address').fill('192.0.2.10');
  await page.getByLabel('Mail software').selectOption('postfix-rspamd');
  await page.getByRole('link', { name: 'DKIM' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DKIM' })).toBeVisible();
  await page.getByLabel(/Make a key on this computer/).check();
  await page.getByLabel('Selector').fill('mw2026');
  await page.getByRole('button', { name: 'Make the key' }).click();
  await expect(page.getByTestId('dkim-generated')).toContainText('"mw2026"');
}

/**
 * The private key the page names (in the element `testId`) is a PEM file in the data folder,
 * named `fileName`, readable by its owner alone, and the page shows none of it. Returns the PEM.
 */
export async function expectPrivateKeyKept(
  page: Page,
  served: Served,
  testId: string,
  fileName: string,
): Promise<{ keyFile: string; pem: string }> {
  const keyFile = (await page.getByTestId(testId).textContent()) ?? '';
  expect(keyFile.startsWith(served.dataDir)).toBe(true);
  expect(keyFile.endsWith(fileName)).toBe(true);
  expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  const pem = await readFile(keyFile, 'utf8');
  expect(pem).toContain('BEGIN PRIVATE KEY');
  const body = (await page.locator('body').textContent()) ?? '';
  expect(body).not.toContain('PRIVATE KEY');
  expect(body).not.toContain(pem.split('\n')[1] ?? 'unreachable');
  return { keyFile, pem };
}
