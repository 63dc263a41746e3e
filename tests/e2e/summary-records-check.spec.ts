import { generateKeyPairSync } from 'node:crypto';
import { test, expect, shot, type Served } from './serve-fixture';
import { startDnsWorld, type DnsWorld } from '../integration/verify/dns-world';
import { serveOn, stopServedWorld } from './served-world';
import { zoneText } from '../peers/zone-fixtures';
import { expectAccessible } from './axe';
import { makeProject } from './api-call';

// "Check these now" on the Records step, against real DNS on loopback (Knot serves the zone,
// Unbound resolves it): the zone has every record but the DKIM key, so that card says what to
// fix. The run is stored, so the Summary and the Projects list show it too.

const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

let world: DnsWorld;
let served: Served;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  world = await startDnsWorld({
    'shop.test': zoneText({
      origin: 'shop.test',
      ttl: 60,
      negativeTtl: 2,
      records: [
        'mail IN A 192.0.2.10',
        'mail IN TXT "v=spf1 a -all"',
        '@ IN MX 10 mail',
        '@ IN TXT "v=spf1 ip4:192.0.2.10 ~all"',
        '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@shop.test"',
      ],
    }),
    '2.0.192.in-addr.arpa': zoneText({
      origin: '2.0.192.in-addr.arpa',
      ttl: 60,
      negativeTtl: 2,
      records: ['10 IN PTR mail.shop.test.'],
    }),
  });
  served = await serveOn(world, 'mw-e2e-summary-');
});

test.afterAll(async () => {
  await stopServedWorld(served, world);
});

test('Check these now marks each record card, and the Summary and Projects list show that run', async ({
  page,
}) => {
  const id = await makeProject(served, 'Shop', 'records', {
    domain: 'shop.test',
    mailHostLabel: 'mail',
    ipv4: '192.0.2.10',
    mode: 'send-receive',
    dkimSource: 'paste',
    dkimSelector: 'mail',
    dkimPaste: `v=DKIM1; k=rsa; p=${KEY}`,
    dmarcRua: 'dmarc@shop.test',
  });
  await page.goto(`${served.url}#/p/${id}/records`);
  await expect(page.getByRole('heading', { level: 1, name: 'Records' })).toBeVisible();
  await page.getByRole('button', { name: 'Check these now' }).click();
  await expect(page.getByText(/^Checked just now:/)).toBeVisible({ timeout: 30_000 });

  const card = (name: RegExp) =>
    page.getByTestId('record-card').filter({ has: page.getByRole('heading', { name }) });
  await expect(card(/^DKIM key/)).toContainText('Needs fixing');
  await expect(card(/^DKIM key/).getByTestId('record-check-notes')).not.toBeEmpty();
  await expect(card(/^SPF of shop\.test/)).toContainText('OK');
  await expect(card(/^Address \(A\) of mail\.shop\.test/)).toContainText('OK');
  await expectAccessible(page, 'Records after Check these now');
  await page.screenshot({ path: shot('summary-05-records-checked'), fullPage: true });

  await page.goto(`${served.url}#/p/${id}/summary`);
  const overall = page.getByTestId('overall-status');
  await expect(overall.getByRole('heading', { name: /things? to fix/ })).toBeVisible();
  await expect(
    page.getByTestId('summary-records').getByRole('row', { name: /DKIM key/ }),
  ).toContainText('Needs fixing');
  await page.screenshot({ path: shot('summary-06-after-real-check'), fullPage: true });

  await page.goto(served.url);
  await expect(page.getByTestId('project-status')).toContainText(/\d+ to fix/);
  await expect(page.getByTestId('project-status')).toContainText('last checked');
});
