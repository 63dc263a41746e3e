import { test, expect, shot } from './serve-fixture';
import { expectAccessible } from './axe';

// The optional "Secure delivery" step at 900×600: nothing chosen is said to be optional, every
// term has its explanation, choosing MTA-STS and DANE shows the policy file and the key hash,
// and the chosen records join the Records step.

const HASH = 'ab'.repeat(32);

test.use({ viewport: { width: 900, height: 600 } });

test('Secure delivery: optional, explained, and what is chosen reaches the Records step', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Hardening example.test');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('example.test');
  await page.getByRole('button', { name: 'Next: Server' }).click();
  await page.getByLabel('IPv4 address').fill('192.0.2.10');
  await page.getByRole('link', { name: 'Secure delivery' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Secure delivery (optional)' }),
  ).toBeVisible();
  await expect(page.locator('.lead')).toContainText('you can skip this step');
  await expect(page.getByTestId('mtasts-card')).toHaveCount(0);
  // Every term opens its plain explanation.
  await page.getByRole('button', { name: 'What is MTA-STS?' }).first().click();
  await expect(
    page.getByText(/tells other mail servers to deliver to you only over an encrypted/),
  ).toBeVisible();
  await expectAccessible(page, 'Secure delivery, nothing chosen');
  await page.screenshot({ path: shot('secure-01-nothing-chosen'), fullPage: true });

  await page
    .getByRole('checkbox', { name: /other servers deliver to you only over verified encryption/ })
    .check();
  const policy = page.getByTestId('mtasts-policy');
  await expect(policy).toContainText('version: STSv1');
  await expect(policy).toContainText('mode: testing');
  await expect(policy).toContainText('mx: mail.example.test');
  await page.getByLabel('Mode').selectOption('enforce');
  await expect(policy).toContainText('mode: enforce');
  await expect(page.getByTestId('mtasts-card')).toContainText('--reuse-key');
  await expect(page.getByTestId('mtasts-card')).toContainText(
    'Save the file as /var/www/mta-sts.example.test/.well-known/mta-sts.txt',
  );
  await expect(page.getByTestId('mtasts-address')).toContainText(
    'mta-sts.example.test points at your server: A 192.0.2.10',
  );

  await page.getByRole('checkbox', { name: /publish your server's key/ }).check();
  const dane = page.getByTestId('dane-card');
  await dane.getByLabel('Key hash (64 hex digits)').fill('not-a-hash');
  await expect(dane.getByText('A key hash is 64 characters')).toBeVisible();
  await expect(dane.getByRole('button', { name: 'Add key hash' })).toBeDisabled();
  await dane.getByLabel('Key hash (64 hex digits)').fill(HASH);
  await dane.getByRole('button', { name: 'Add key hash' }).click();
  await expect(page.getByTestId('dane-hashes')).toContainText(`3 1 1 ${HASH}`);
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expectAccessible(page, 'Secure delivery, MTA-STS and DANE chosen');
  await page.screenshot({ path: shot('secure-02-chosen'), fullPage: true });

  await page.getByRole('link', { name: 'Records', exact: true }).click();
  const cards = page.getByTestId('record-card');
  await expect(cards.filter({ hasText: 'v=STSv1; id=' })).toHaveCount(1);
  await expect(cards.filter({ hasText: `3 1 1 ${HASH}` })).toHaveCount(1);
  await page.screenshot({ path: shot('secure-03-records'), fullPage: true });
});
