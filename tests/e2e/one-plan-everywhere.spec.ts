import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect, shot, loopbackServeArgs, type Served } from './serve-fixture';
import { startDnsWorld, type DnsWorld } from '../integration/verify/dns-world';
import { nextStep, serveOn, stopServedWorld } from './served-world';
import { zoneText } from '../peers/zone-fixtures';
import { expectAccessible } from './axe';
import { overflow, watchConsole } from './page-health';

// Issue #15's "Done when": a bakery's domain whose mail is at Google Workspace today (MX at
// Google, SPF "include:_spf.google.com ~all", the website at the apex), served by Knot behind
// Unbound on loopback. The wizard never preselects the mode, and the Records step, the Summary,
// the PDF, the zone file, the JSON export, `mailwright plan` on that JSON and `mailwright export`
// (which looks up what is published itself) all carry the same merged records: one SPF with
// Google's include kept and the server added, and Google's MX never replaced in send-only mode.

const run = promisify(execFile);
const TTL = 3;
const GOOGLE_SPF = 'v=spf1 include:_spf.google.com ~all';
const MERGED_SPF = 'v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all';
const UNMERGED_SPF = 'v=spf1 ip4:192.0.2.10 ~all';

const BAKERY = zoneText({
  origin: 'bakery.test',
  ttl: TTL,
  negativeTtl: 2,
  records: [
    '@ IN A 198.51.100.7',
    'www IN A 198.51.100.7',
    '@ IN MX 1 aspmx.l.google.com.',
    '@ IN MX 5 alt1.aspmx.l.google.com.',
    `@ IN TXT "${GOOGLE_SPF}"`,
    '@ IN TXT "google-site-verification=abc123"',
  ],
});

// The server's address as its VPS host names it today; the journey sets the PTR the app asks for.
const reverse = (name: string) =>
  zoneText({
    origin: '2.0.192.in-addr.arpa',
    ttl: TTL,
    negativeTtl: 2,
    records: [`10 IN PTR ${name}.`],
  });

let world: DnsWorld;
let served: Served;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  world = await startDnsWorld({
    'bakery.test': BAKERY,
    '2.0.192.in-addr.arpa': reverse('static.10.2.0.192.clients.your-server.de'),
    // Google's side, so SPF's include and the MX hosts resolve as they do on the internet.
    'google.com': zoneText({
      origin: 'google.com',
      ttl: 300,
      records: [
        '_spf IN TXT "v=spf1 ip4:74.125.0.0/16 ip4:209.85.128.0/17 ~all"',
        'aspmx.l IN A 142.250.153.27',
        'alt1.aspmx.l IN A 142.250.153.26',
      ],
    }),
  });
  served = await serveOn(world, 'mw-e2e-one-plan-');
  dataDir = served.dataDir;
});

test.afterAll(async () => {
  await stopServedWorld(served, world);
});

/** Save what a click downloads (browser mode) into the data folder and return its path. */
async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(dataDir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function cli(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/mailwright.js', ...args], {
    timeout: 60_000,
  });
  return stdout;
}

interface JsonRecord {
  key: string;
  type: string;
  name: string;
  value: string;
  action: string;
  oldValue?: string;
}

const shape = (records: JsonRecord[]) =>
  records.map((r) => `${r.action} ${r.type} ${r.name} ${r.value}`);

test('a domain at Google Workspace: no mode preselected, the same merged records everywhere', async ({
  page,
}) => {
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Bakery');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('bakery.test');
  await expect(page.getByTestId('published-today')).toContainText(
    'Your mail for bakery.test is received today by Google Workspace',
  );

  // Google receives the mail today: neither mode is chosen for the user, and Next waits.
  const sendOnly = page.getByLabel(/Send only/);
  const sendReceive = page.getByLabel(/Send and receive/);
  await expect(sendOnly).not.toBeChecked();
  await expect(sendReceive).not.toBeChecked();
  await expect(page.getByTestId('mode-choose')).toContainText('we do not choose for you');
  await expect(page.getByRole('button', { name: 'Next: Server' })).toBeDisabled();
  await expect(page.getByText('Choose what this server will do to go on.')).toBeVisible();
  await expect(page.getByTestId('mode-choice').locator('.choice-warn')).toContainText(
    'instead of Google Workspace',
  );
  await expectAccessible(page, 'Domain: mode not chosen');
  await page.screenshot({ path: shot('one-plan-01-domain-no-mode'), fullPage: true });
  await sendOnly.check();

  await nextStep(page, 'Server');
  await page.getByLabel('IPv4 address').fill('192.0.2.10');
  await page.getByLabel('Your VPS host').selectOption('hetzner');
  await nextStep(page, 'DNS host');
  await page.getByLabel('Where is your DNS hosted?').selectOption({ label: 'Namecheap' });
  await nextStep(page, 'Records');

  // Records: SPF is an edit of today's record (shown), Google's include kept, the server added;
  // no MX card at all in send-only mode.
  const cards = page.getByTestId('record-card');
  const spf = cards.filter({ hasText: 'SPF of bakery.test' });
  await expect(spf.locator('.badge').first()).toHaveText('Edit the existing record');
  await expect(spf.getByTestId('old-value')).toContainText(GOOGLE_SPF);
  await expect(spf.locator('.value-row[data-field="Value"] code')).toHaveText(MERGED_SPF);
  await expect(cards.filter({ hasText: 'Mail exchanger (MX)' })).toHaveCount(0);
  await expect(cards.filter({ hasText: 'Delete this record' })).toHaveCount(0);
  const recordsValues = await cards
    .locator('.value-row[data-field="Value"] code')
    .allTextContents();
  await page.screenshot({ path: shot('one-plan-02-records'), fullPage: true });

  // A check of the records as they are today: SPF does not allow the server yet.
  await page.getByRole('button', { name: 'Check these now' }).click();
  await expect(page.getByText(/^Checked just now:/)).toBeVisible({ timeout: 30_000 });
  await expect(spf.locator('[data-status]').first()).not.toHaveText(/OK/);

  // Summary: the same SPF, what to do with it, and never the unmerged value.
  await page.getByRole('link', { name: /^Summary/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  const rows = page.getByTestId('summary-records');
  const spfRow = rows.locator('tr', { hasText: 'SPF of bakery.test' });
  await expect(spfRow.locator('code').first()).toHaveText(MERGED_SPF);
  await expect(spfRow.getByTestId('summary-action')).toContainText('Edit the existing record');
  await expect(spfRow.locator('[data-status]')).not.toHaveText(/OK/);
  await expect(rows).not.toContainText('MX');
  await expect(page.locator('body')).not.toContainText(UNMERGED_SPF);
  await page.screenshot({ path: shot('one-plan-03-summary'), fullPage: true });

  // The exports of the app.
  const pdfPath = await download(page, 'Export PDF');
  const zonePath = await download(page, 'Download zone file');
  const jsonPath = await download(page, 'Export JSON');
  const pdfText = (await run('pdftotext', ['-layout', pdfPath, '-'])).stdout;
  const flat = pdfText.replace(/\s+/g, ' ');
  expect(flat).toContain(MERGED_SPF);
  expect(flat).toContain(`Today: ${GOOGLE_SPF}`);
  expect(flat).toContain('Edit your existing record to this value.');
  expect(flat).not.toContain(UNMERGED_SPF);
  expect(flat).not.toMatch(/aspmx\.l\.google\.com.*Delete this record/);
  const zone = await readFile(zonePath, 'utf8');
  expect(zone).toContain(`@ 3600 IN TXT "${MERGED_SPF}"`);
  expect(zone).not.toMatch(/^[^;].* IN MX /m);
  const app = JSON.parse(await readFile(jsonPath, 'utf8')) as {
    records: JsonRecord[];
    published: { mx: unknown[] } | null;
  };
  expect(app.published?.mx).toHaveLength(2);
  expect(app.records.find((r) => r.key === 'spf')).toMatchObject({
    action: 'edit',
    value: MERGED_SPF,
    oldValue: GOOGLE_SPF,
  });
  expect(app.records.some((r) => r.type === 'MX')).toBe(false);
  // Every value the Records step shows in its Value boxes is a record of the JSON export.
  const jsonValues = new Set(app.records.map((r) => r.value));
  for (const v of recordsValues) expect(jsonValues, v).toContain(v);

  // `mailwright plan` on the app's JSON export: the same records, the same actions.
  const planned = JSON.parse(await cli(['plan', '--plan', jsonPath, '--json'])) as {
    records: JsonRecord[];
  };
  expect(shape(planned.records)).toEqual(shape(app.records));
  expect((await cli(['plan', '--plan', jsonPath, '--zone'])).trim()).toBe(zone.trim());

  // `mailwright export`, which checks first and looks up what is published itself.
  const out = (name: string) => join(dataDir, name);
  await cli([
    'export',
    '--plan',
    jsonPath,
    '--zone',
    out('cli.zone'),
    '--json',
    out('cli.json'),
    '--pdf',
    out('cli.pdf'),
    ...loopbackServeArgs(world.unbound.address, world.nsPort),
  ]);
  expect(await readFile(out('cli.zone'), 'utf8')).toBe(zone);
  const exported = JSON.parse(await readFile(out('cli.json'), 'utf8')) as {
    records: JsonRecord[];
  };
  expect(shape(exported.records)).toEqual(shape(app.records));
  const cliPdf = (await run('pdftotext', ['-layout', out('cli.pdf'), '-'])).stdout.replace(
    /\s+/g,
    ' ',
  );
  expect(cliPdf).toContain(MERGED_SPF);
  expect(cliPdf).not.toContain(UNMERGED_SPF);
});

test('moving receiving here: the Google MX records become "delete", in every output', async ({
  page,
}) => {
  // The project of the first test, now choosing "Send and receive".
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Open' }).first().click();
  await page.getByRole('link', { name: /^Domain/ }).click();
  await page.getByLabel(/Send and receive/).check();
  await page.getByRole('link', { name: /^Records/ }).click();
  const cards = page.getByTestId('record-card');
  const deletes = cards.filter({ hasText: 'Delete this record' });
  await expect(deletes).toHaveCount(2);
  await expect(deletes.first()).toContainText('1 aspmx.l.google.com');
  await expect(
    cards.filter({ hasText: 'Mail exchanger (MX)' }).locator('.badge').first(),
  ).toHaveText('Add a new record');
  await page.screenshot({ path: shot('one-plan-04-records-move-receiving'), fullPage: true });

  await page.getByRole('link', { name: /^Summary/ }).click();
  const zonePath = await download(page, 'Download zone file');
  const zone = await readFile(zonePath, 'utf8');
  expect(zone).toMatch(/^@ 3600 IN MX 10 mail\.bakery\.test\.$/m);
  expect(zone).toContain(';   @ MX 1 aspmx.l.google.com.');
  expect(zone).not.toMatch(/^@ \d+ IN MX 1 aspmx/m);
  const jsonPath = await download(page, 'Export JSON');
  const app = JSON.parse(await readFile(jsonPath, 'utf8')) as { records: JsonRecord[] };
  expect(shape(app.records).filter((r) => r.includes(' MX '))).toEqual([
    'add MX bakery.test 10 mail.bakery.test',
    'delete MX bakery.test 1 aspmx.l.google.com',
    'delete MX bakery.test 5 alt1.aspmx.l.google.com',
  ]);
  const pdfPath = await download(page, 'Export PDF');
  const flat = (await run('pdftotext', ['-layout', pdfPath, '-'])).stdout.replace(/\s+/g, ' ');
  expect(flat).toContain('Delete this record.');

  // After a check, a record to delete says whether the DNS host still has it, never "Not checked".
  await page.getByRole('link', { name: /^Verify/ }).click();
  await page.getByRole('button', { name: /Check (now|again)/ }).click();
  await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
    timeout: 45_000,
  });
  await page.getByRole('link', { name: /^Summary/ }).click();
  const googleRow = page.getByTestId('summary-records').locator('tr', {
    hasText: '1 aspmx.l.google.com',
  });
  await expect(googleRow.locator('[data-status]')).toHaveText(/Still published: delete it/);
  const checked = (await run('pdftotext', ['-layout', await download(page, 'Export PDF'), '-']))
    .stdout;
  // The status cell wraps beside the others in pdftotext's layout: its words, in order.
  expect(checked.replace(/\s+/g, ' ')).toMatch(
    /aspmx\.l\.google\.com 3600 Still .{0,80}published: .{0,120}delete it/,
  );
});

test('the journey: every step at 900×600, the records published as shown, ends at All done', async ({
  page,
}) => {
  // A new project for the same bakery, walked step by step at the smallest window: each step
  // fits, logs no console error, and the user publishes exactly what the app hands them.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 900, height: 600 });
  const problems = watchConsole(page);
  const healthy = async (id: string) => {
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll<HTMLDetailsElement>('main details')))
        d.open = true;
    });
    await page.screenshot({ path: shot(`journey-900-${id}`), fullPage: true });
    expect(await overflow(page), `${id} at 900×600`).toEqual([]);
  };

  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Bakery journey');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('bakery.test');
  await expect(page.getByTestId('published-today')).toContainText('Google Workspace');
  await expect(page.getByLabel(/Send only/)).not.toBeChecked();
  await expect(page.getByLabel(/Send and receive/)).not.toBeChecked();
  await healthy('domain');
  await page.getByLabel(/Send only/).check();

  await nextStep(page, 'Server');
  await page.getByLabel('IPv4 address').fill('192.0.2.10');
  await page.getByLabel('Your VPS host').selectOption('hetzner');
  await page.getByLabel('Mail software').selectOption({ label: 'Postfix with OpenDKIM' });
  await healthy('server');
  await nextStep(page, 'DNS host');
  await page.getByLabel('Where is your DNS hosted?').selectOption({ label: 'Namecheap' });
  await healthy('dns-host');
  await nextStep(page, 'Records');
  await page.getByText(/^DMARC settings/).click();
  await page.getByLabel('Where should DMARC reports go? (optional)').fill('dmarc@bakery.test');
  const cards = page.getByTestId('record-card');
  await expect(
    cards.filter({ hasText: 'SPF of bakery.test' }).locator('.value-row[data-field="Value"] code'),
  ).toHaveText(MERGED_SPF);
  await healthy('records');
  await nextStep(page, 'DKIM');
  await page.getByLabel(/Make a key on this computer/).check();
  await page.getByRole('button', { name: 'Make the key' }).click();
  await expect(page.getByTestId('dkim-generated')).toBeVisible();
  await healthy('dkim');
  await nextStep(page, 'Reverse DNS');
  await expect(page.getByTestId('ptr-steps')).toContainText('mail.bakery.test');
  await healthy('reverse-dns');
  await nextStep(page, 'Secure delivery');
  await healthy('secure');

  // A first check before anything is published: what to change, whole, ready to paste.
  await nextStep(page, 'Verify');
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
    timeout: 45_000,
  });
  const spfFinding = page.locator('li.finding[data-check="spf.authorizes"]');
  // The fix is the one merged line (Google's include kept), in the DNS host's boxes, to copy.
  const spfFix = spfFinding.getByTestId('paste-fix');
  await expect(spfFix.locator('.value-row[data-field="Value"] code')).toHaveText(MERGED_SPF);
  await expect(spfFix.getByRole('button', { name: /Copy/ }).first()).toBeVisible();
  await expect(page.getByTestId('all-done')).toHaveCount(0);
  await healthy('verify-before');

  // The records the Records step shows in its Value boxes, now with the DKIM key.
  await page.getByRole('link', { name: /^Records/ }).click();
  const recordsValues = await cards
    .locator('.value-row[data-field="Value"] code')
    .allTextContents();

  // The user publishes what the app gave them: the zone file's records at the DNS host
  // (today's SPF edited, Google's MX untouched), the PTR at the VPS host.
  await page.getByRole('link', { name: /^Summary/ }).click();
  const zone = await readFile(await download(page, 'Download zone file'), 'utf8');
  const published = zone.split('\n').filter((l) => l.trim() !== '' && !/^[;$]/.test(l));
  await world.knot.setZone(
    'bakery.test',
    zoneText({
      origin: 'bakery.test',
      ttl: TTL,
      negativeTtl: 2,
      serial: 2,
      records: [
        '@ IN A 198.51.100.7',
        'www IN A 198.51.100.7',
        '@ IN MX 1 aspmx.l.google.com.',
        '@ IN MX 5 alt1.aspmx.l.google.com.',
        '@ IN TXT "google-site-verification=abc123"',
        ...published,
      ],
    }),
  );
  await world.knot.setZone('2.0.192.in-addr.arpa', reverse('mail.bakery.test'));
  await world.unbound.flush('bakery.test');
  await world.unbound.flush('2.0.192.in-addr.arpa');

  await page.getByRole('link', { name: /^Verify/ }).click();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
    timeout: 45_000,
  });
  const done = page.getByTestId('all-done');
  await expect(done).toBeVisible();
  await expect(done.getByRole('heading', { level: 2 })).toHaveText(/^All done/);
  await expect(done.getByTestId('all-done-verified')).toContainText('DKIM: the signing key');
  await expect(done.getByTestId('all-done-not-looked')).toContainText('The mail server itself');
  await expect(done.getByTestId('all-done-ladder')).toContainText('p=quarantine');
  await expect(done.getByTestId('all-done-ladder')).toContainText(/between \d+ \w+ \d{4} and/);
  await done.screenshot({ path: shot('journey-900-all-done') });
  await healthy('verify-done');
  await page.getByRole('link', { name: /^Test message/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test message' })).toBeVisible();
  await healthy('message-test');

  // The Summary says the same, and every output carries the same records.
  await page.getByRole('link', { name: /^Summary/ }).click();
  await expect(page.getByTestId('all-done')).toBeVisible();
  await healthy('summary');
  const app = JSON.parse(await readFile(await download(page, 'Export JSON'), 'utf8')) as {
    records: JsonRecord[];
  };
  const pdf = (await run('pdftotext', ['-layout', await download(page, 'Export PDF'), '-'])).stdout;
  const flatPdf = pdf.replace(/\s+/g, ' ');
  const summaryText = (await page.getByTestId('summary-records').textContent()) ?? '';
  const live = app.records.filter((r) => r.action !== 'delete');
  expect(live.map((r) => r.type).sort()).toEqual(expect.arrayContaining(['A', 'PTR', 'TXT']));
  for (const r of live) {
    expect(summaryText, `Summary: ${r.key}`).toContain(r.value.slice(0, 64));
    if (r.value.length < 60) expect(flatPdf, `PDF: ${r.key}`).toContain(r.value);
    if (r.type === 'TXT' && r.name.startsWith('bakery') && r.value.length < 255)
      expect(zone, `zone: ${r.key}`).toContain(`"${r.value}"`);
  }
  expect(app.records.find((r) => r.key === 'spf')?.value).toBe(MERGED_SPF);
  expect(app.records.some((r) => r.type === 'MX')).toBe(false);
  const jsonValues = new Set(app.records.map((r) => r.value));
  for (const v of recordsValues) expect(jsonValues, v).toContain(v);
  expect(problems, 'console errors and warnings').toEqual([]);
});
