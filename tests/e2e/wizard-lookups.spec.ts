import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EventHub } from '../../main/api/event-hub';
import { startHttpHost, type HttpHost } from '../../main/host/http-host';
import { ProjectStore } from '../../main/store/project-store';
import { startKnot, type KnotPeer } from '../peers/knot';
import { shot } from './serve-fixture';

// A shop on Cloudflare whose mail is with Google Workspace today, served by Knot on loopback.
// The app runs in this process with its DNS lookups pointed at Knot, so nothing leaves 127.0.0.1.
const ZONE = `$ORIGIN shop.test.
$TTL 300
@ SOA bob.ns.cloudflare.com. dns.cloudflare.com. 1 3600 900 1209600 300
@ NS bob.ns.cloudflare.com.
@ NS lola.ns.cloudflare.com.
@ MX 1 aspmx.l.google.com.
@ TXT "v=spf1 include:_spf.google.com ~all"
@ TXT "google-site-verification=abc123"
_dmarc TXT "v=DMARC1; p=none; rua=mailto:reports@shop.test"
mail A 192.0.2.10
`;

const test = base.extend<{ app: { url: string } }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const knot: KnotPeer = await startKnot({ zones: { 'shop.test': ZONE } });
    const dataDir = await mkdtemp(join(tmpdir(), 'mw-e2e-lookups-'));
    let host: HttpHost | undefined;
    try {
      host = await startHttpHost({
        ctx: {
          version: 'test',
          transport: 'http',
          store: new ProjectStore(dataDir),
          events: new EventHub(),
          dns: { resolvers: [knot.address], timeoutMs: 2000 },
        },
        rendererDir: resolve('dist/renderer'),
        port: 0,
      });
      await use({ url: host.url });
    } finally {
      await host?.close();
      await knot.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

test('lookups: the mail host address, the DNS host from NS, and a merge with the SPF and MX of today', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Project name').fill('Bike shop');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('shop.test');
  // Once the domain is entered, the Domain step looks by itself and says, in plain words, who
  // receives the domain's mail today.
  await expect(page.getByTestId('published-today')).toContainText(
    'Your mail for shop.test is received today by Google Workspace (aspmx.l.google.com).',
  );
  await expect(page.getByTestId('published-today')).toContainText('SPF card on the Records step');
  // The mode's consequences name today's receiver: keeping Google Workspace means "Send only".
  const mode = page.getByTestId('mode-choice');
  await expect(mode.locator('.choice-warn')).toHaveText(
    /arrive at mail\.shop\.test instead of Google Workspace \(aspmx\.l\.google\.com\).*Move your mailboxes first/,
  );
  await expect(mode).toContainText(
    'Your MX record stays as it is, so incoming mail keeps arriving at Google Workspace (aspmx.l.google.com).',
  );
  await page.getByLabel(/Send only/).check();
  await page.screenshot({ path: shot('wizard-00-domain-published'), fullPage: true });
  await page.getByRole('button', { name: 'Next: Server' }).click();

  // No address typed yet: the Server step looks up the mail host by itself and offers its address.
  await expect(page.getByText('mail.shop.test points to 192.0.2.10 today.')).toBeVisible();
  await page.getByRole('button', { name: 'Use 192.0.2.10' }).click();
  await expect(page.getByLabel('IPv4 address')).toHaveValue('192.0.2.10');
  await page.getByRole('button', { name: 'Look up mail.shop.test' }).click();
  await expect(
    page.getByText('mail.shop.test points to 192.0.2.10 today, the address you entered.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use 192.0.2.10' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next: DNS host' }).click();

  await page.getByRole('button', { name: 'Look up shop.test' }).click();
  await expect(page.getByTestId('detect-status')).toHaveText(
    'Your nameservers (bob.ns.cloudflare.com, lola.ns.cloudflare.com) belong to Cloudflare.',
  );
  await page.getByRole('button', { name: 'Use Cloudflare' }).click();
  await expect(page.getByLabel('Where is your DNS hosted?')).toHaveValue('cloudflare');
  await page.screenshot({ path: shot('wizard-11-dns-host-detected'), fullPage: true });
  await page.getByRole('button', { name: 'Next: Records' }).click();

  // The look-up made on the Domain step was saved; ask again here.
  await page.getByRole('button', { name: 'Check again' }).click();
  const today = page.getByTestId('published-today');
  await expect(today).toContainText(
    'Your mail for shop.test is received today by Google Workspace (aspmx.l.google.com).',
  );
  await expect(today).toContainText('It has an SPF record (v=spf1 include:_spf.google.com ~all)');
  const cards = page.getByTestId('record-card');
  const spf = cards.filter({ hasText: 'SPF of shop.test' });
  await expect(spf.locator('.badge')).toHaveText('Edit the existing record');
  await expect(spf.locator('.value-row[data-field="Value"] code')).toHaveText(
    /^v=spf1 .*include:_spf\.google\.com.*ip4:192\.0\.2\.10|^v=spf1 .*ip4:192\.0\.2\.10.*include:_spf\.google\.com/,
  );
  await expect(cards.filter({ hasText: 'DMARC of shop.test' }).locator('.badge')).toHaveText(
    'Already right: keep it',
  );
  await expect(cards.filter({ hasText: 'Mail exchanger (MX)' })).toHaveCount(0);
  await expect(page.getByText(/received by aspmx\.l\.google\.com, and stays there/)).toBeVisible();
  await page.screenshot({ path: shot('wizard-12-records-merged'), fullPage: true });

  // The look is saved with the project: after a reload the merge is still there.
  await page.reload();
  await expect(spf.locator('.badge')).toHaveText('Edit the existing record');
});
