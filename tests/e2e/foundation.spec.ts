import { test, expect, serve, shot } from './serve-fixture';
import { STEPS } from '../../shared/model/steps';

test('create a project, enter a pasted URL as the domain, reject a public suffix, survive reload and restart', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await expect(page.getByRole('heading', { name: 'Your mail setups' })).toBeVisible();
  await expect(page.getByText('No projects yet')).toBeVisible();
  await page.screenshot({ path: shot('01-projects-empty'), fullPage: true });

  await page.getByLabel('Project name').fill('My shop');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Domain & mail host' })).toBeVisible();

  const domain = page.getByLabel('Your domain');
  await domain.fill('https://www.Example.COM/contact');
  await expect(page.getByTestId('domain-normalized')).toHaveText('We will use example.com.');
  await expect(page.getByTestId('mail-host')).toHaveText(
    'Your mail server will be called mail.example.com.',
  );
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.screenshot({ path: shot('02-domain-normalized'), fullPage: true });

  await domain.fill('co.uk');
  await expect(page.getByTestId('domain-error')).toContainText('public ending');
  await expect(page.getByRole('button', { name: /Next/ })).toBeDisabled();
  await page.screenshot({ path: shot('03-domain-public-suffix'), fullPage: true });

  await domain.fill('https://www.Example.COM/contact');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Your domain')).toHaveValue('https://www.Example.COM/contact');
  await expect(page.getByTestId('domain-normalized')).toHaveText('We will use example.com.');

  // Walk every step with Next, screenshotting each; the step is remembered.
  for (const step of STEPS.slice(2)) {
    // The Server step needs an address before Next: give it the documentation example.
    if (step.id === 'dns-host') await page.getByLabel('IPv4 address').fill('192.0.2.10');
    await page.getByRole('button', { name: `Next: ${step.title}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: step.title })).toBeVisible();
    await page.screenshot({ path: shot(`step-${step.id}`), fullPage: true });
  }

  await expect(page.getByText('All changes saved')).toBeVisible();
  // Restart the server (new token): the project is still there, at the step the user left.
  await served.stop();
  const again = await serve(served.dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByRole('heading', { name: 'My shop' })).toBeVisible();
    await expect(page.getByText('example.com · at step “Summary”')).toBeVisible();
    await page.screenshot({ path: shot('04-projects-list'), fullPage: true });
    await page.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  } finally {
    await again.stop();
  }
});

test('rename, duplicate and delete with confirmation', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Alpha');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByLabel('Your domain')).toBeVisible();
  await page.getByRole('link', { name: 'Projects' }).click();

  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name for Alpha').fill('Beta');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { name: 'Beta', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { name: 'Beta (copy)' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).first().click();
  await expect(page.getByText(/This cannot be undone/)).toBeVisible();
  await page.screenshot({ path: shot('05-delete-confirm'), fullPage: true });
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(
    page
      .getByRole('list')
      .filter({ has: page.getByRole('heading', { level: 3 }) })
      .getByRole('listitem'),
  ).toHaveCount(1);
});

test('an empty project name gets a clear message', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the project a name');
});

test('without the token the page is refused', async ({ page, served }) => {
  const res = await page.goto(served.url.replace(/\?token=.*/, ''));
  expect(res?.status()).toBe(401);
  await expect(
    page.getByRole('heading', { name: 'Open the address printed in the terminal' }),
  ).toBeVisible();
  // The refused page is not the app: no project list, nothing of the user's.
  await expect(page.getByRole('heading', { name: 'Projects' })).toHaveCount(0);
});
