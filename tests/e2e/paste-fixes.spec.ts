import { test, expect, shot, type Served } from './serve-fixture';
import { startDnsWorld, type DnsWorld } from '../integration/verify/dns-world';
import { serveOn, stopServedWorld } from './served-world';
import { zoneText } from '../peers/zone-fixtures';
import { expectAccessible } from './axe';
import { makeProject } from './api-call';

// Fixes the user can paste (#15): a bakery at Google Workspace whose DNS host also holds a
// second, hand-made SPF record and no DMARC record (Knot serves the zone, Unbound resolves it).
// After a check, Verify and the Summary show the one merged SPF line and the DMARC record with
// the rua the user typed, whole, with Copy buttons; not a description of how to write them.

const GOOGLE_SPF = 'v=spf1 include:_spf.google.com ~all';
const HAND_SPF = 'v=spf1 ip4:192.0.2.10 -all';

let world: DnsWorld;
let served: Served;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  world = await startDnsWorld({
    'bakery.test': zoneText({
      origin: 'bakery.test',
      ttl: 60,
      negativeTtl: 2,
      records: [
        'mail IN A 192.0.2.10',
        '@ IN MX 1 aspmx.l.google.com.',
        `@ IN TXT "${GOOGLE_SPF}"`,
        `@ IN TXT "${HAND_SPF}"`,
      ],
    }),
  });
  served = await serveOn(world, 'mw-e2e-paste-');
});

test.afterAll(async () => {
  await stopServedWorld(served, world);
});

test('Verify and the Summary show the merged SPF line and the DMARC record whole, ready to copy', async ({
  page,
}) => {
  const id = await makeProject(served, 'Bakery', 'records', {
    domain: 'bakery.test',
    mailHostLabel: 'mail',
    ipv4: '192.0.2.10',
    mode: 'send-only',
    dnsHost: 'namecheap',
    dmarcRua: 'dmarc@bakery.test',
    published: {
      domain: 'bakery.test',
      mailHost: 'mail.bakery.test',
      checkedAt: new Date().toISOString(),
      spf: [GOOGLE_SPF, HAND_SPF],
      dmarc: [],
      mx: [{ preference: 1, exchange: 'aspmx.l.google.com' }],
      mailHostSpf: [],
      mailHostAddresses: ['192.0.2.10'],
      problems: [],
      unread: [],
    },
  });
  await page.goto(`${served.url}#/p/${id}/records`);
  await page.getByRole('button', { name: 'Check these now' }).click();
  await expect(page.getByText(/^Checked just now:/)).toBeVisible({ timeout: 30_000 });
  // The Records card's value is the one every fix below must repeat.
  const spfCard = page.getByTestId('record-card').filter({ hasText: 'SPF of bakery.test' }).first();
  const merged = (
    await spfCard.locator('[data-field="Value"] code.value').first().textContent()
  )?.trim();
  expect(merged).toContain('include:_spf.google.com');
  expect(merged).toContain('192.0.2.10');
  // The card says it in Namecheap's own words: its "Host" box and its "Automatic" TTL.
  const dmarcCard = page
    .getByTestId('record-card')
    .filter({ has: page.getByRole('heading', { name: /^DMARC/ }) });
  await expect(dmarcCard.getByTestId('form-own-words')).toHaveText(
    "In Namecheap's form: Host = _dmarc, Type = TXT, TTL = Automatic",
  );
  await expect(dmarcCard.locator('[data-field="TTL"] code')).toHaveText('Automatic');
  await dmarcCard.screenshot({ path: shot('paste-00-namecheap-card') });

  await page.goto(`${served.url}#/p/${id}/verify`);
  const single = page.locator('li.finding[data-check="spf.single"]');
  await expect(single).toBeVisible({ timeout: 15_000 });
  const spfFix = single.getByTestId('paste-fix');
  await expect(spfFix.locator('[data-field="Value"] code')).toHaveText(merged ?? '');
  await expect(spfFix.getByRole('button', { name: 'Copy value', exact: true })).toBeVisible();
  // The other record is named for deletion, and no words about "merging them" by hand.
  await expect(spfFix.locator('.paste-deletes code')).toHaveText([/^v=spf1 /]);
  await expect(single).not.toContainText('Keep one "v=spf1" at the start');
  // The receivers' word that stays in the finding is explained in place.
  const terms = single.getByTestId('terms-used');
  await terms.getByRole('button', { name: 'What is permerror?' }).click();
  await expect(terms).toContainText('the record is broken');
  const dmarc = page.locator('li.finding[data-check="dmarc.present"]');
  const dmarcFix = dmarc.getByTestId('paste-fix');
  await expect(dmarcFix.locator('[data-field="Value"] code')).toContainText(
    'rua=mailto:dmarc@bakery.test',
  );
  // Namecheap's form calls the name box "Host".
  await expect(dmarcFix.locator('[data-field="Host"] code')).toHaveText('_dmarc');
  await expectAccessible(page, 'Verify with pasteable fixes');
  await single.screenshot({ path: shot('paste-01-verify-spf') });

  await page.goto(`${served.url}#/p/${id}/summary`);
  const attention = page.getByTestId('attention');
  await expect(attention.getByTestId('paste-fix').first()).toBeVisible();
  await expect(
    attention.getByTestId('paste-fix').locator('[data-field="Value"] code', { hasText: 'rua=' }),
  ).toContainText('rua=mailto:dmarc@bakery.test');
  await expect(
    attention.getByTestId('paste-fix').locator('[data-field="Value"] code', { hasText: 'google' }),
  ).toHaveText([merged ?? '', merged ?? '']);
  await page.screenshot({ path: shot('paste-02-summary'), fullPage: true });
});

test('a Unicode domain reads in Unicode, with the DNS spelling where the user types it', async ({
  page,
}) => {
  const projectId = await makeProject(served, 'Bäckerei', 'records', {
    domain: 'bäckerei.test',
    mailHostLabel: 'büro',
    ipv4: '192.0.2.10',
    mode: 'send-only',
    dnsHost: 'namecheap',
  });
  await page.goto(`${served.url}#/p/${projectId}/records`);
  await expect(page.getByTestId('published-today').getByRole('heading')).toHaveText(
    'What bäckerei.test publishes today',
  );
  const a = page
    .getByTestId('record-card')
    .filter({ has: page.getByRole('heading', { name: /^Address \(A\)/ }) });
  await expect(a.getByRole('heading')).toHaveText('Address (A) of büro.bäckerei.test');
  // Where the user types, the DNS spelling (punycode), with what it stands for beside it.
  await expect(a.locator('[data-field="Host"] code')).toHaveText('xn--bro-hoa');
  await expect(a.getByTestId('punycode-note')).toContainText('xn--bro-hoa is how DNS writes büro');
  await a.screenshot({ path: shot('paste-03-unicode-card') });
});
