import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect, shot, type Served } from './serve-fixture';
import { startDnsWorld, type DnsWorld } from '../integration/verify/dns-world';
import { nextStep, serveOn, stopServedWorld } from './served-world';
import { zoneText } from '../peers/zone-fixtures';

// Issue #11: a newsletter sent from news.corp.test, a subdomain of a company whose own DMARC
// record (at _dmarc.corp.test, sp=quarantine) already covers its subdomains, served by Knot behind
// Unbound on loopback. The wizard plans no DMARC record of its own and says which record applies,
// in the Records step, the Summary and the PDF; names are typed relative to the zone corp.test.

const run = promisify(execFile);
const CORP = zoneText({
  origin: 'corp.test',
  records: [
    'mail IN A 192.0.2.93',
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 ip4:192.0.2.93 -all"',
    '_dmarc IN TXT "v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@corp.test"',
  ],
});
const APPLIES = 'news.corp.test needs no DMARC record of its own';

let world: DnsWorld;
let served: Served;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  world = await startDnsWorld({ 'corp.test': CORP });
  served = await serveOn(world, 'mw-e2e-subdomain-');
  dataDir = served.dataDir;
});

test.afterAll(async () => {
  await stopServedWorld(served, world);
});

test("a subdomain sender: the parent's DMARC record applies, said in Records, Summary and PDF", async ({
  page,
}) => {
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Newsletter');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('news.corp.test');
  await page.getByLabel(/Send only/).check();
  await nextStep(page, 'Server');
  await page.getByLabel('IPv4 address').fill('192.0.2.94');
  await nextStep(page, 'DNS host');
  await page.getByLabel('Where is your DNS hosted?').selectOption({ label: 'Cloudflare' });
  await nextStep(page, 'Records');

  // Before the look-up the planner cannot know: a DMARC record of its own is planned.
  const cards = page.getByTestId('record-card');
  await expect(cards.filter({ hasText: 'DMARC of news.corp.test' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Check what news.corp.test publishes' }).click();

  // No DMARC card: the sentence says which record applies and with which policy.
  await expect(page.getByText(APPLIES)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(APPLIES)).toContainText('_dmarc.corp.test');
  await expect(page.getByText(APPLIES)).toContainText('sp=quarantine');
  await expect(cards.filter({ hasText: 'DMARC of news.corp.test' })).toHaveCount(0);
  await expect(page.getByTestId('published-today')).toContainText(
    'It has no DMARC record of its own; receivers use the one at _dmarc.corp.test.',
  );
  // The SPF of news.corp.test is typed as "news" in Cloudflare's Name box (the zone is corp.test).
  const spf = cards.filter({ hasText: 'SPF of news.corp.test' });
  await expect(spf.locator('.value-row[data-field="Name"] code')).toHaveText('news');
  await page.screenshot({ path: shot('subdomain-dmarc-01-records'), fullPage: true });

  await page.getByRole('link', { name: /^Summary/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  await expect(page.getByTestId('dmarc-applies')).toContainText(APPLIES);
  await page.screenshot({ path: shot('subdomain-dmarc-02-summary'), fullPage: true });

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  const pdfPath = join(dataDir, file.suggestedFilename());
  await file.saveAs(pdfPath);
  const flat = (await run('pdftotext', [pdfPath, '-'])).stdout.replace(/\s+/g, ' ');
  expect(flat).toContain('Which DMARC record applies');
  expect(flat).toContain(APPLIES);
  expect(flat).toContain('Name box at Cloudflare: news');
  expect(await readFile(pdfPath)).toBeTruthy();
});
