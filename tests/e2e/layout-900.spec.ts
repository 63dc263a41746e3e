import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { STEPS } from '../../shared/model/steps';
import { test, expect, shot } from './serve-fixture';
import { overflow, watchConsole } from './page-health';

/**
 * Every step at the smallest window the app supports (900×600): nothing wider than the window
 * (a horizontal scroll bar hides half of a record value), and not one console error or warning
 * on the way. The project is filled the way a user fills it (a Unicode domain, Namecheap, a key
 * made here, one check), so each step shows its full content, not its empty state.
 */

test.use({ viewport: { width: 900, height: 600 }, actionTimeout: 15_000 });

/**
 * Open each term's explanation in turn (at most 12 a step) and name any control it covers: the
 * field, button or link it explains must stay visible and clickable while it is open.
 */
async function coveredByTerms(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const out: string[] = [];
    const toggles = Array.from(document.querySelectorAll<HTMLButtonElement>('main .term-toggle'));
    for (const t of toggles.slice(0, 12)) {
      t.click();
      await frame();
      await frame();
      const note = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (!note || note.hidden) continue;
      const n = note.getBoundingClientRect();
      for (const c of Array.from(
        document.querySelectorAll('main input, main select, main textarea, main button, main a'),
      )) {
        if (note.contains(c)) continue;
        const r = c.getBoundingClientRect();
        if (r.width === 0) continue;
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        // What the user would click in the middle of the control: the note, if it covers it.
        const hit = cy >= 0 && cy < innerHeight ? document.elementFromPoint(cx, cy) : null;
        if (hit && note.contains(hit))
          out.push(
            `${t.textContent}: covers ${c.tagName.toLowerCase()} "${c.textContent?.trim() || (c as HTMLInputElement).name}"`,
          );
        else if (
          n.bottom > r.top &&
          n.top < r.bottom &&
          n.right > r.left &&
          n.left < r.right &&
          getComputedStyle(note).position === 'absolute'
        )
          out.push(`${t.textContent}: lies over ${c.tagName.toLowerCase()}`);
      }
      t.click();
      await frame();
    }
    return out;
  });
}

test('every step fits a 900×600 window and logs no console error', async ({ page, served }) => {
  const problems = watchConsole(page);
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Bäckerei');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('bäckerei-müller.example');
  await page.getByLabel(/Send and receive/).check();
  await page.getByRole('link', { name: /Server/ }).click();
  // What people paste by mistake gets one sentence that names the address to type.
  const ipv4 = page.getByLabel('IPv4 address');
  await ipv4.fill('https://5.161.77.10/');
  await expect(page.getByTestId('ipv4-error')).toHaveText(
    '"https://5.161.77.10/" is a web address. Enter only the server\'s address: 5.161.77.10.',
  );
  await ipv4.fill('5,161,77,10');
  await expect(page.getByTestId('ipv4-error')).toHaveText(
    '"5,161,77,10" uses commas; an IPv4 address is written with dots: 5.161.77.10.',
  );
  await ipv4.fill('5.161.77.10');
  await page.getByLabel('Your VPS host').selectOption('hetzner');
  await page.getByLabel('Mail software').selectOption({ label: 'Postfix with OpenDKIM' });
  await page.getByLabel('Google Workspace (Gmail)').check();
  await page.getByRole('link', { name: /DNS host/ }).click();
  await page.getByLabel('Where is your DNS hosted?').selectOption({ label: 'Namecheap' });
  await page.getByRole('link', { name: /DKIM/ }).click();
  await page.getByLabel(/Make a key on this computer/).check();
  await page.getByRole('button', { name: 'Make the key' }).click();
  await expect(page.getByTestId('dkim-generated')).toBeVisible();
  // The key's way to the server: the exact commands for this server and user, and the file.
  const toServer = page.getByTestId('key-to-server');
  await toServer.getByLabel('Your user name on the server').fill('anna');
  await expect(toServer.getByTestId('scp-command')).toHaveText(
    /^scp .*\.key anna@5\.161\.77\.10:$/,
  );
  await expect(toServer.getByTestId('install-command')).toHaveText(
    /^sudo install -D -m 600 -o opendkim -g opendkim ~\/.*\.key \/etc\/opendkim\/keys\/xn--bckerei-mller-bfb28a\.example\/default\.private && rm ~\/.*\.key$/,
  );
  await expect(toServer.getByTestId('key-download-warning')).toContainText('private key');
  const download = page.waitForEvent('download');
  await toServer.getByRole('button', { name: 'Download the private key' }).click();
  const file = await download;
  const pem = await readFile((await file.path()) as string, 'utf8');
  expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
  await expect(toServer.getByTestId('key-file-status')).toContainText('delete the download');
  await expect(toServer.getByRole('link', { name: 'check signing' })).toBeVisible();
  await toServer.getByRole('link', { name: 'check signing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test message' })).toBeVisible();
  await page.getByRole('link', { name: /^Verify/ }).click();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('All changes saved')).toBeVisible();

  // The first Tab reaches "Skip to the step"; Enter puts the keyboard in the step, past the nav.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the step' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

  const nav = page.getByRole('navigation', { name: 'Setup steps' });
  // Projects last: leaving the project closes the other steps' links.
  const order = [...STEPS.slice(1), STEPS[0]];
  for (const [i, step] of order.entries()) {
    await nav.getByRole('link', { name: new RegExp(`^${step.title}( \\(|$)`) }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Open every "More about why" and "What we saw", so their content is measured too.
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll<HTMLDetailsElement>('main details')))
        d.open = true;
    });
    await page.screenshot({ path: shot(`layout-900-${i}-${step.id}`), fullPage: true });
    expect(await overflow(page), `${step.title} at 900×600`).toEqual([]);
    expect(await coveredByTerms(page), `term explanations on ${step.title}`).toEqual([]);
    if (step.id === 'summary') {
      // The checks this offline world stopped read as one line naming them, not dozens of copies.
      const stopped = page
        .getByTestId('attention')
        .locator(':scope > li')
        .filter({ has: page.getByText('Could not be checked.', { exact: true }) });
      await expect(stopped).toHaveCount(1);
      await stopped.getByText(/^Which checks \(\d+\)$/).click();
      await expect(stopped.getByText(/^The DKIM key is published, about /)).toBeVisible();
      // The Summary's styles stay loaded: they must not reach the Verify step's cards.
      await nav.getByRole('link', { name: /^Verify( \(|$)/ }).click();
      const card = page.getByTestId('attention');
      await expect(card).toBeVisible();
      expect(await card.evaluate((el) => getComputedStyle(el).paddingLeft)).not.toBe('0px');
      // On Verify a fix's command reads as code to type, without the checker's backticks.
      const withCommand = page
        .locator('li.finding .finding-fix')
        .filter({ hasText: 'npx mailwright check --plan' })
        .first();
      await expect(withCommand.locator('code').first()).toHaveText(/^npx mailwright check --plan /);
      expect(await withCommand.textContent()).not.toContain('`');
    }
  }
  expect(problems, 'console errors and warnings').toEqual([]);
});

test('an address from an earlier start opens a page that says what to do', async ({
  page,
  served,
}) => {
  const old = served.url.replace(/token=[\w-]+/, 'token=from-an-earlier-start');
  const response = await page.goto(old);
  expect(response?.status()).toBe(401);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This address is from an earlier start' }),
  ).toBeVisible();
  await expect(page.getByText('Use the address printed in the terminal')).toBeVisible();
  await page.screenshot({ path: shot('layout-900-old-address') });
});
