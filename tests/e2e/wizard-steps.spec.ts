import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { test, expect, shot } from './serve-fixture';
import { expectAccessible } from './axe';
import { expectPrivateKeyKept, makeRsaKey } from './dkim-key-pages';
import { nextStep } from './served-world';

/** A fresh 2048-bit key, printed the way opendkim-genkey prints it: quotes, parentheses, a comment. */
function opendkimRecord(): { paste: string; spki: string } {
  const spki = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .publicKey.export({ type: 'spki', format: 'der' })
    .toString('base64');
  const paste = `default._domainkey\tIN\tTXT\t( "v=DKIM1; h=sha256; k=rsa; "
\t  "p=${spki.slice(0, 250)}"
\t  "${spki.slice(250)}" )  ; ----- DKIM key default for example.test`;
  return { paste, spki };
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'], actionTimeout: 10_000 });

test('a new project through Server, DNS host, Records, DKIM and Reverse DNS', async ({
  page,
  served,
}) => {
  const { paste, spki } = opendkimRecord();
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Shop mail');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('example.test');
  await expect(page.getByTestId('mail-host')).toContainText('mail.example.test');
  // The mode is asked here, each choice with what it does to the domain's mail.
  await expect(page.getByLabel(/Send and receive/)).toBeChecked();
  await expect(
    page.getByText('Mail to your addresses will arrive at mail.example.test: we add an MX record'),
  ).toBeVisible();
  // What the domain publishes is looked up by itself; with no DNS to ask, it says so.
  const today = page.getByTestId('published-today');
  await expect(today).toContainText('We could not look up what example.test publishes', {
    timeout: 10_000,
  });
  await expect(today).not.toContainText('has no MX record');
  await page.screenshot({ path: shot('wizard-00-domain-mode'), fullPage: true });
  await nextStep(page, 'Server');

  // Server: a private address is explained and blocks Next; the documentation address is accepted with a note.
  const ipv4 = page.getByLabel('IPv4 address');
  await ipv4.fill('192.168.1.20');
  await expect(page.getByTestId('ipv4-error')).toHaveText(
    "192.168.1.20 is an address inside your home or office network; your server's public address is shown in your VPS host's control panel.",
  );
  await expect(page.getByRole('button', { name: 'Next: DNS host' })).toBeDisabled();
  await expect(page.getByText('Fix the address above to go on.')).toBeVisible();
  await page.screenshot({ path: shot('wizard-01-server-private-ip'), fullPage: true });

  await ipv4.fill('192.0.2.10');
  await expect(page.getByTestId('ipv4-ok')).toHaveText('We will use 192.0.2.10.');
  await expect(page.getByText('is a documentation address')).toBeVisible();
  await page.getByLabel('Your VPS host').selectOption('hetzner');
  await expect(page.getByText(/Hetzner Cloud blocks outgoing mail \(port 25\)/)).toBeVisible();
  await page.getByLabel('Mail software').selectOption({ label: 'Postfix with OpenDKIM' });
  await page.getByLabel('Google Workspace (Gmail)').check();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expectAccessible(page, 'Server');
  await page.screenshot({ path: shot('wizard-02-server'), fullPage: true });
  await nextStep(page, 'DNS host');

  // DNS host: the quirks of the chosen host, each with its source.
  await page.getByLabel('Where is your DNS hosted?').selectOption({ label: 'Cloudflare' });
  await expect(page.getByRole('heading', { name: 'What to know about Cloudflare' })).toBeVisible();
  await expect(page.getByText(/Set "Proxy status" to "DNS only"/)).toBeVisible();
  await expect(page.getByText(/Cloudflare adds \.example\.test to the name for you/)).toBeVisible();
  await expect(page.locator('.fact-source').first()).toContainText('Source:');
  await expectAccessible(page, 'DNS host');
  await page.screenshot({ path: shot('wizard-03-dns-host'), fullPage: true });
  await nextStep(page, 'Records');

  // Records: one card per record in order, values for Cloudflare's form, copy, terms, zone file.
  const cards = page.getByTestId('record-card');
  await expect(cards.first().getByRole('heading')).toHaveText('Address (A) of mail.example.test');
  const a = cards.first();
  await expect(a.locator('.value-row[data-field="Name"] code')).toHaveText('mail');
  await expect(a.locator('.value-row[data-field="Value"] code')).toHaveText('192.0.2.10');
  await expect(a.locator('.value-row[data-field="Proxy status"]')).toContainText('DNS only');
  await a.getByRole('button', { name: 'Copy value' }).click();
  await expect(a.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('192.0.2.10');
  const titles = await cards.getByRole('heading', { level: 3 }).allTextContents();
  expect(titles).toEqual([
    'Address (A) of mail.example.test',
    'Mail exchanger (MX) of example.test',
    'SPF of example.test',
    'SPF of the mail host mail.example.test',
    'DKIM key (default selector)',
    'DMARC of example.test',
    'Reverse DNS (PTR) of 192.0.2.10',
  ]);
  const spf = cards.nth(2);
  await expect(spf.locator('.value-row[data-field="Value"] code')).toHaveText(
    'v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all',
  );
  await expect(cards.nth(4)).toContainText('The DKIM key is not known yet');
  await spf.getByText('More about why').click();
  await expect(spf.getByText('A domain must have exactly one SPF record.')).toBeVisible();
  await page.getByRole('button', { name: 'What is MX?' }).first().click();
  await expect(
    page.getByText(/Mail exchanger: the record that tells other mail servers/),
  ).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download zone file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('example.test.zone');
  const zone = await readFile((await file.path()) as string, 'utf8');
  expect(zone).toContain('$ORIGIN example.test.');
  expect(zone).toMatch(/^mail\s+3600\s+IN\s+A\s+192\.0\.2\.10$/m);
  await expectAccessible(page, 'Records');
  await page.screenshot({ path: shot('wizard-04-records'), fullPage: true });
  await nextStep(page, 'DKIM');

  // DKIM: a paste that is not a record is explained; the opendkim record is read and tidied.
  const box = page.getByLabel('DKIM record or key from your mail software');
  await box.fill('hello, this is my key');
  await expect(page.getByTestId('dkim-error')).toContainText('does not look like a DKIM record');
  // A key delegated by CNAME (as SendGrid hands it out) is recognised, never called wrong.
  await box.fill('s1._domainkey CNAME s1.domainkey.u123.wl.sendgrid.net.');
  await expect(page.getByTestId('dkim-cname')).toContainText(
    's1._domainkey.example.test as a CNAME record pointing to s1.domainkey.u123.wl.sendgrid.net',
  );
  await expect(page.getByTestId('dkim-error')).toHaveCount(0);
  await box.fill(paste);
  await expect(page.getByTestId('dkim-ok')).toHaveText(
    'This is a valid DKIM record: an RSA key of 2048 bits, for the selector "default".',
  );
  await expect(page.getByTestId('dkim-record')).toHaveText(`v=DKIM1; k=rsa; p=${spki}`);
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expectAccessible(page, 'DKIM');
  await page.screenshot({ path: shot('wizard-05-dkim'), fullPage: true });

  // The Records step now carries the key.
  await page.getByRole('link', { name: 'Records' }).click();
  await expect(cards.nth(4)).not.toContainText('not known yet');
  await expect(cards.nth(4).locator('.value-row[data-field="Value"] code')).toHaveText(
    `v=DKIM1; k=rsa; p=${spki}`,
  );
  await page.getByRole('link', { name: 'DKIM' }).click();
  await nextStep(page, 'Reverse DNS');

  // Reverse DNS: the A record first, Hetzner's panel steps, and the port 25 request with a copy button.
  await expect(page.getByTestId('a-first')).toContainText(
    'Publish the A record of mail.example.test first',
  );
  await expect(page.getByTestId('ptr-steps')).toContainText('mail.example.test');
  await expect(page.getByTestId('port25-message')).toContainText(
    'Hetzner Cloud blocks outgoing port 25',
  );
  const request = page.getByLabel('Port 25 request', { exact: true });
  await expect(request).toHaveValue(/192\.0\.2\.10/);
  await expect(request).toHaveValue(/\[Say what the server sends/);
  await page
    .getByLabel('What does the server send?')
    .fill('Order confirmations for my bicycle shop');
  await expect(request).toHaveValue(/Order confirmations for my bicycle shop/);
  await expect(request).not.toHaveValue(/\[Say what the server sends/);
  await page.getByRole('button', { name: 'Copy port 25 request' }).click();
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('mail.example.test');
  await expectAccessible(page, 'Reverse DNS');
  await page.screenshot({ path: shot('wizard-06-reverse-dns'), fullPage: true });

  // Reload restores the values; the small window and the dark theme stay usable.
  await page.getByRole('link', { name: 'Server' }).click();
  await page.reload();
  await expect(page.getByLabel('IPv4 address')).toHaveValue('192.0.2.10');
  await expect(page.getByLabel('Your VPS host')).toHaveValue('hetzner');
  await page.setViewportSize({ width: 900, height: 600 });
  await page.getByRole('link', { name: 'Records' }).click();
  await expect(cards.first()).toBeVisible();
  await page.screenshot({ path: shot('wizard-07-records-900x600') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'Records (dark)');
  await page.screenshot({ path: shot('wizard-08-records-dark'), fullPage: true });
  await page
    .getByRole('navigation', { name: 'Setup steps' })
    .getByRole('link', { name: /^Reverse DNS( \(|$)/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reverse DNS' })).toBeVisible();
  await expectAccessible(page, 'Reverse DNS (dark, 900x600)');
  await page.screenshot({ path: shot('wizard-08b-reverse-dns-dark-900x600') });
});

test('the Domain and Server steps work with the keyboard alone', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Keys only');
  await page.keyboard.press('Enter');
  await page.getByLabel('Your domain').fill('example.test');
  // The mode: Tab to the checked radio, arrow to the other one.
  const sendReceive = page.getByLabel(/Send and receive/);
  for (
    let i = 0;
    i < 30 && !(await sendReceive.evaluate((el) => el === document.activeElement));
    i++
  )
    await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel(/Send only/)).toBeChecked();
  await expect(page.getByLabel(/Send only/)).toBeFocused();
  await page.getByRole('button', { name: 'Next: Server' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Server' })).toBeVisible();
  const ipv4 = page.getByLabel('IPv4 address');
  for (let i = 0; i < 30 && !(await ipv4.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(ipv4).toBeFocused();
  await page.keyboard.type('100.64.1.2');
  await expect(page.getByTestId('ipv4-error')).toContainText('CGNAT');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('192.0.2.10');
  await expect(page.getByTestId('ipv4-ok')).toBeVisible();
  // Tab on to the first term's "?" and open it with the keyboard.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .getByRole('button', { name: 'What is VPS host?' })
        .evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'What is VPS host?' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await page.screenshot({ path: shot('wizard-09-server-keyboard'), fullPage: true });
});

test('DKIM: a key made on this computer stays in a 0600 file, and the page shows only the public record', async ({
  page,
  served,
}) => {
  await makeRsaKey(page, served, 'Generated key', 'example.test');
  await expect(page.getByTestId('dkim-generated')).toHaveText(
    'A 2048-bit RSA key for the selector "mw2026" was made on this computer.',
  );
  const { keyFile, pem } = await expectPrivateKeyKept(
    page,
    served,
    'dkim-key-file',
    'example.test.mw2026.key',
  );
  // An SFTP program's form, box by box: the server's address, port 22, and the default user.
  const sftp = page.getByTestId('sftp-settings').locator('.value-row');
  await expect(sftp.filter({ hasText: 'Host' }).locator('code')).toHaveText('sftp://192.0.2.10');
  await expect(sftp.filter({ hasText: 'Port' }).locator('code')).toHaveText('22');
  await expect(sftp.filter({ hasText: 'User' })).toHaveText(
    'Userroot and your server password or key',
  );
  await expect(page.getByRole('heading', { name: 'Rspamd signs your mail' })).toBeVisible();
  await expect(page.getByText('/etc/rspamd/local.d/dkim_signing.conf').first()).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expectAccessible(page, 'DKIM (generated)');
  await page.screenshot({ path: shot('wizard-10-dkim-generated'), fullPage: true });

  // A second key under another selector, then back: the first file is not silently replaced.
  await page.getByLabel('Selector').fill('mw2027');
  await page.getByRole('button', { name: 'Make a key for "mw2027"' }).click();
  await expect(page.getByTestId('dkim-generated')).toContainText('"mw2027"');
  await page.getByLabel('Selector').fill('mw2026');
  await page.getByRole('button', { name: 'Make a key for "mw2026"' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'A key for the selector "mw2026" was already made for this project.',
  );
  expect(await readFile(keyFile, 'utf8')).toBe(pem);
  await page.getByRole('button', { name: 'Replace the key' }).click();
  await expect(page.getByTestId('dkim-generated')).toContainText('"mw2026"');
  expect(await readFile(keyFile, 'utf8')).not.toBe(pem);
  expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  await page.getByRole('link', { name: 'Records' }).click();
  const dkim = page.getByTestId('record-card').filter({ hasText: 'DKIM key (mw2026 selector)' });
  await expect(dkim.locator('.value-row[data-field="Value"] code')).toHaveText(
    /^v=DKIM1; k=rsa; p=MII/,
  );
  expect(await page.locator('body').textContent()).not.toContain('PRIVATE KEY');
});

test('steps that need the plan say what is missing and link to the step that fixes it', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Half done');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('example.test');
  await page.getByRole('link', { name: 'Records' }).click();
  const problems = page.getByTestId('plan-problems');
  await expect(problems).toContainText('Give at least one server address');
  await expect(page.getByTestId('record-card')).toHaveCount(0);
  await expectAccessible(page, 'Records (incomplete)');
  await page.screenshot({ path: shot('wizard-13-records-incomplete'), fullPage: true });
  await problems.getByRole('link', { name: 'Go to Server' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Server' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Setup steps' })
    .getByRole('link', { name: /^Reverse DNS( \(|$)/ })
    .click();
  await expect(page.getByTestId('plan-problems')).toContainText('Give at least one server address');
});
