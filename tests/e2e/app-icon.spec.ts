import type { Page, Response } from '@playwright/test';
import { test, expect, shot } from './serve-fixture';

// The app's icon in browser mode: the page names its favicons, the host serves them (under the
// same token rules as every static file: the page's cookie carries the token), and walking the
// wizard step by step produces no console error and no failed request. Before the icon existed,
// Chromium asked for /favicon.ico, got 404, and logged an error on every load.

/** Every console error, page error and failed or refused request, as one readable line each. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // The event stream is closed when the page goes away; that is not an error the user sees.
    if (!r.url().includes('/api/events')) errors.push(`request failed: ${r.url()}`);
  });
  page.on('response', (r: Response) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return errors;
}

test('the icon shows in browser mode, with no console error on any step', async ({
  page,
  served,
}) => {
  const errors = watchForErrors(page);
  const icons: { url: string; status: number; type: string }[] = [];
  page.on('response', (r) => {
    if (/\/favicon[^/]*$/.test(new URL(r.url()).pathname))
      icons.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
  });

  await page.goto(served.url);
  await expect(page.getByRole('heading', { name: 'Your mail setups' })).toBeVisible();
  expect(errors, 'after the first load').toEqual([]);

  // The page names its icons, and they are the PNGs made from assets/icon.svg.
  const links = await page
    .locator('link[rel="icon"]')
    .evaluateAll((ls) => ls.map((l) => [l.getAttribute('sizes'), l.getAttribute('href')]));
  expect(links).toEqual([
    ['16x16', './favicon-16.png'],
    ['32x32', './favicon-32.png'],
  ]);
  for (const [size, href] of [
    [16, 'favicon-16.png'],
    [32, 'favicon-32.png'],
  ] as const) {
    // Fetched the way the browser fetches it: same origin, with the page's token cookie.
    const r = await page.request.get(new URL(href, served.url).href.replace(/\?.*$/, ''));
    expect(r.status(), href).toBe(200);
    expect(r.headers()['content-type']).toBe('image/png');
    const png = await r.body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
  // The browser itself asked for an icon and got one (not the old /favicon.ico 404).
  await expect.poll(() => icons.length, { timeout: 10_000 }).toBeGreaterThan(0);
  for (const i of icons) expect(i, i.url).toMatchObject({ status: 200, type: 'image/png' });

  // Walk every step of a new project: each must load with no console error.
  await page.getByLabel('Project name').fill('Icon check');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('example.test');
  await expect(page.getByTestId('mail-host')).toContainText('mail.example.test');
  const seen: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    const h1 = (await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '';
    seen.push(h1);
    expect(errors, `on the step "${h1}"`).toEqual([]);
    if (h1 === 'Server') {
      await page.getByLabel('IPv4 address').fill('192.0.2.10');
      await expect(page.getByTestId('ipv4-ok')).toBeVisible();
    }
    const next = page.getByRole('button', { name: /^Next: / });
    if ((await next.count()) === 0) break;
    const title = ((await next.first().textContent()) ?? '').replace(/^Next: /, '').trim();
    await expect(next.first()).toBeEnabled();
    await next.first().click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  console.log(
    `steps: ${seen.join(' → ')}; icons: ${icons.map((i) => new URL(i.url).pathname).join(', ')}`,
  );
  expect(seen).toEqual(
    expect.arrayContaining([
      'Server',
      'DNS host',
      'Records',
      'DKIM',
      'Reverse DNS',
      'Verify',
      'Summary',
    ]),
  );
  await page.screenshot({ path: shot('app-icon-last-step'), fullPage: false });
  expect(errors, `steps walked: ${seen.join(' → ')}`).toEqual([]);
});
