import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot, serve, loopbackServeArgs, type Served } from './serve-fixture';
import { startDnsWorld, type DnsWorld } from '../integration/verify/dns-world';
import { txtData, zoneText } from '../peers/zone-fixtures';
import { startSilentDns } from '../peers/silent-dns';
import { startPostfix, type PostfixPeer } from '../peers/postfix';
import { makeLeaf, makeTestCa } from '../integration/smtp/test-certificates';
import { expectAccessible } from './axe';
import { makeProject } from './api-call';
import { nextStep } from './served-world';

// The Verify step against real DNS on loopback: Knot serves the zones, Unbound resolves them,
// `mailwright serve` is pointed at both. TTLs are 3 s so waiting for DNS caches takes seconds.
// The mail host's address is a documentation one (192.0.2.x) where nothing listens, so SMTP and
// block lists are off (--no-smtp, --no-dnsbl) in Journeys 2 and 3. Journey 1 checks everything:
// SMTP goes to a real Postfix on loopback through --smtp-address (as through an SSH tunnel), with
// a certificate for mail.ok.test from a test CA that serve trusts through NODE_EXTRA_CA_CERTS, and
// the block lists are zones Knot serves that list nothing.

const TTL = 3;
const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');
const DKIM = `v=DKIM1; k=rsa; p=${KEY}`;

interface ZoneShape {
  ip: string;
  spf?: string[];
  dkim?: boolean;
}

/** A mail domain's zone; by default every record the plan asks for, correct. */
function mailZone(origin: string, shape: ZoneShape): string {
  const spf = shape.spf ?? [`v=spf1 mx ip4:${shape.ip} -all`];
  return zoneText({
    origin,
    ttl: TTL,
    negativeTtl: 2,
    records: [
      `mail IN A ${shape.ip}`,
      'mail IN TXT "v=spf1 a -all"',
      '@ IN MX 10 mail',
      ...spf.map((s) => `@ IN TXT "${s}"`),
      ...(shape.dkim === false ? [] : [`mail._domainkey IN TXT ${txtData(DKIM)}`]),
      `_dmarc IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@${origin}"`,
    ],
  });
}

/** The reverse zone of 192.0.2.0/24 with a PTR for each host byte given. */
function reverseZone(ptrs: Record<number, string>): string {
  return zoneText({
    origin: '2.0.192.in-addr.arpa',
    ttl: TTL,
    negativeTtl: 2,
    records: Object.entries(ptrs).map(([byte, name]) => `${byte} IN PTR ${name}.`),
  });
}

const PTRS = { 10: 'mail.ok.test', 91: 'mail.prop.test' };

/** Block lists (RFC 5782 style) that list nothing: every address and domain is clean. */
const EMPTY_DNSBL = zoneText({ origin: 'dnsbl.test', ttl: TTL, negativeTtl: 2 });

let world: DnsWorld;
let postfix: PostfixPeer;
let certDir: string;
let caFile: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'mw-e2e-ca-'));
  const ca = await makeTestCa(certDir);
  caFile = join(ca.dir, 'cert.pem');
  postfix = await startPostfix({
    hostname: 'mail.ok.test',
    certDir: (await makeLeaf(certDir, 'mail.ok.test', 'mail.ok.test', ca)).dir,
  });
  world = await startDnsWorld({
    'dnsbl.test': EMPTY_DNSBL,
    'ok.test': mailZone('ok.test', { ip: '192.0.2.10' }),
    'broken.test': mailZone('broken.test', {
      ip: '192.0.2.21',
      spf: ['v=spf1 ip4:192.0.2.21 -all', 'v=spf1 mx -all'],
      dkim: false,
    }),
    'prop.test': mailZone('prop.test', { ip: '192.0.2.90' }),
    '2.0.192.in-addr.arpa': reverseZone(PTRS),
  });
});

test.afterAll(async () => {
  await Promise.allSettled([world?.stop(), postfix?.stop()]);
  await rm(certDir, { recursive: true, force: true });
});

/**
 * serve for a whole check on loopback: DNS as in loopbackServeArgs, SMTP through --smtp-address to
 * the Postfix (DNS says 192.0.2.10), the empty block lists instead of the real ones.
 */
function wholeCheckArgs(): string[] {
  return [
    '--resolver',
    world.unbound.address,
    '--ns-port',
    String(world.nsPort),
    '--smtp-address',
    '127.0.0.1',
    '--smtp-port',
    String(postfix.port),
    '--dnsbl',
    'zen.dnsbl.test',
    '--dnsbl',
    'domain:dbl.dnsbl.test',
    '--timeout',
    '1500',
  ];
}

let served: Served;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mw-e2e-verify-'));
  served = await serve(dataDir, loopbackServeArgs(world.unbound.address, world.nsPort));
});

test.afterEach(async () => {
  await served?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Make a project the way the app does (projects.create, projects.save) and open its Verify step. */
async function openVerify(page: Page, domain: string, ip: string): Promise<void> {
  const id = await makeProject(served, `Mail for ${domain}`, 'verify', {
    domain,
    mailHostLabel: 'mail',
    ipv4: ip,
    mode: 'send-receive',
    dkimSource: 'paste',
    dkimSelector: 'mail',
    dkimPaste: DKIM,
    dmarcPolicy: 'quarantine',
    dmarcRua: `dmarc@${domain}`,
  });
  // A short watch schedule (1 s) through the address, as the brief allows; the clock is real.
  await page.goto(`${served.url}&watch=1000#/p/${id}/verify`);
  await expect(page.getByRole('heading', { level: 1, name: 'Verify' })).toBeVisible();
}

const finding = (page: Page, check: string): Locator =>
  page.locator(`li.finding[data-check="${check}"]`);

/** The step list's mark of one step: "done", "attention" or "open". */
const stepMark = (page: Page, title: string): Locator =>
  page.getByRole('navigation', { name: 'Setup steps' }).locator('li', {
    has: page.getByRole('link', { name: new RegExp(`^${title}( \\(|$)`) }),
  });

const badCount = (page: Page) =>
  page
    .locator('.finding-groups')
    .locator('[data-status="fail"], [data-status="unknown"], [data-status="pending"]')
    .count();

/** Go on with the step's Next button and wait for the next step's heading. */

test('Journey 1: a new project through every step checks all green', async ({ page }) => {
  // Everything in the UI, the way a user does it, against a zone that is right, with SMTP and
  // block lists checked too.
  await served.stop();
  served = await serve(dataDir, wholeCheckArgs(), { NODE_EXTRA_CA_CERTS: caFile });
  await page.goto(served.url);
  await page.getByLabel('Project name').fill('Mail for ok.test');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByLabel('Your domain').fill('ok.test');
  await expect(page.getByTestId('published-today')).toContainText(
    'Your mail for ok.test is received today by mail.ok.test.',
  );
  await expect(page.getByLabel(/Send and receive/)).toBeChecked();
  await expectAccessible(page, 'Journey 1: Domain');
  await page.screenshot({ path: shot('journey1-01-domain'), fullPage: true });

  await nextStep(page, 'Server');
  await page.getByLabel('IPv4 address').fill('192.0.2.10');
  await page.getByLabel('Your VPS host').selectOption('hetzner');
  await page.getByLabel('Mail software').selectOption({ label: 'Postfix with OpenDKIM' });
  await page.screenshot({ path: shot('journey1-02-server'), fullPage: true });

  await nextStep(page, 'DNS host');
  await page.getByLabel('Where is your DNS hosted?').selectOption({ label: 'Cloudflare' });
  await page.screenshot({ path: shot('journey1-03-dns-host'), fullPage: true });

  await nextStep(page, 'Records');
  await page.getByText(/^DMARC settings/).click();
  await page.getByLabel('Where should DMARC reports go? (optional)').fill('dmarc@ok.test');
  await page
    .getByLabel('What should receivers do with mail that fails?')
    .selectOption('quarantine');
  // The zone already has the right SPF: the card says keep it, and nothing is to be removed.
  const spfCard = page.getByTestId('record-card').filter({ hasText: 'SPF of ok.test' });
  await expect(spfCard.locator('.badge')).toHaveText('Already right: keep it');
  await expect(spfCard).not.toContainText('to be removed');
  await page.screenshot({ path: shot('journey1-04-records'), fullPage: true });

  await nextStep(page, 'DKIM');
  await page.getByLabel('Selector').fill('mail');
  await page.getByLabel('DKIM record or key from your mail software').fill(DKIM);
  await expect(page.getByTestId('dkim-ok')).toContainText('This is a valid DKIM record');
  await page.screenshot({ path: shot('journey1-05-dkim'), fullPage: true });

  await nextStep(page, 'Reverse DNS');
  await expect(page.getByTestId('ptr-steps')).toContainText('mail.ok.test');
  await page.screenshot({ path: shot('journey1-06-reverse-dns'), fullPage: true });

  // The optional Secure delivery step: nothing chosen, passed by.
  await nextStep(page, 'Secure delivery');
  await nextStep(page, 'Verify');
  await expect(page.getByText('Not checked yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
    timeout: 30_000,
  });
  await expect(finding(page, 'spf.single').locator('[data-status]')).toHaveText(/OK/);
  await expect(finding(page, 'ptr.matches').locator('[data-status]')).toHaveText(/OK/);
  // The mail server itself, checked for real on the Postfix through --smtp-address: the greeting,
  // STARTTLS and the certificate are judged against mail.ok.test, the finding is about 192.0.2.10.
  for (const check of ['smtp.banner', 'smtp.ehlo', 'smtp.starttls', 'smtp.certificate']) {
    await expect(finding(page, check).locator('[data-status]'), check).toHaveText(/OK/);
    await expect(finding(page, check), check).toContainText('about 192.0.2.10');
    await expect(finding(page, check), check).toContainText(
      `Checked through 127.0.0.1:${postfix.port} (--smtp-address) instead of connecting to 192.0.2.10 itself.`,
    );
  }
  await expect(finding(page, 'smtp.banner')).toContainText('The server greets as mail.ok.test');
  await expect(finding(page, 'smtp.certificate')).toContainText(
    'The certificate is valid for mail.ok.test',
  );
  // What the detour cannot see is said, not passed: port 25 from the internet, this network.
  const reachable = finding(page, 'smtp.reachable');
  await expect(reachable).toHaveAttribute('class', /finding-info/);
  await expect(reachable).toContainText('Not checked from the internet');
  for (const check of ['dnsbl.ip', 'dnsbl.domain'])
    await expect(finding(page, check).locator('[data-status]'), check).toHaveText(/OK/);
  expect(await badCount(page)).toBe(0);
  // The only warning left is the documentation address itself (192.0.2.0/24).
  await expect(page.locator('.finding-groups [data-status="warn"]')).toHaveCount(1);
  await expect(finding(page, 'host.public-ip').locator('[data-status]')).toHaveText(
    /Works, could be better/,
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Reverse DNS (PTR)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Earlier checks, newest first' })).toBeVisible();
  const attention = page.getByTestId('attention');
  await expect(attention.locator('li')).toHaveCount(1);
  await expect(attention.locator('li')).toContainText('The server address is an example address');
  // The step list marks what the check confirmed; a whole check (SMTP too) marks Verify done.
  for (const title of ['Domain & mail host', 'Server', 'Records', 'DKIM', 'Reverse DNS', 'Verify'])
    await expect(stepMark(page, title), title).toHaveAttribute('data-mark', 'done');
  await expect(page.getByRole('link', { name: 'DKIM (done)', exact: true })).toBeVisible();
  await expectAccessible(page, 'Verify all green');
  await reachable.locator('summary', { hasText: 'What we saw' }).click();
  await expect(reachable).toContainText(
    'whether other mail servers can connect to 192.0.2.10 on port 25 was not checked',
  );
  await page.screenshot({ path: shot('journey1-07-verify-all-green'), fullPage: true });
  await page
    .locator('section.finding-group', { has: finding(page, 'smtp.banner') })
    .screenshot({ path: shot('journey1-07b-verify-smtp') });
  // The marks come from the stored run: a reload shows them again.
  await page.reload();
  await expect(stepMark(page, 'Reverse DNS')).toHaveAttribute('data-mark', 'done');

  // The optional test-message step comes between Verify and the Summary.
  await nextStep(page, 'Test message');
  await nextStep(page, 'Summary');
  // DNS, reverse DNS, block lists and the mail server were all looked at, and nothing failed.
  await expect(page.getByTestId('overall-status')).toContainText('Ready to send');
  await expect(page.getByTestId('overall-status')).not.toContainText('Not fully verified');
  await expect(page.getByTestId('overall-status')).toContainText(
    `checked through a tunnel or another address (127.0.0.1:${postfix.port}), so whether other mail servers reach it on port 25 was not checked.`,
  );
  // The CLI's option names stay in the JSON and behind "What we saw", not in the status.
  await expect(page.getByTestId('status-detail')).not.toContainText('--smtp-address');
  // Through --smtp-address the mail-app ports were not looked at: said once, not on every row.
  await expect(page.getByText(/^What the check saw: .*not checked/)).toHaveCount(1);
  await expectAccessible(page, 'Journey 1: Summary');
  await page.screenshot({ path: shot('journey1-08-summary'), fullPage: true });
  // The Records step's DNS-only check does not take Verify's ✓ away, now or after a reload.
  await page
    .getByRole('navigation', { name: 'Setup steps' })
    .getByRole('link', { name: /^Records/ })
    .click();
  await page.getByRole('button', { name: 'Check these now' }).click();
  await expect(page.getByRole('button', { name: 'Check these now' })).toBeEnabled({
    timeout: 30_000,
  });
  await expect(stepMark(page, 'Verify')).toHaveAttribute('data-mark', 'done');
  await page.reload();
  await expect(stepMark(page, 'Records')).toHaveAttribute('data-mark', 'done');
  await expect(stepMark(page, 'Verify')).toHaveAttribute('data-mark', 'done');
});

test('Journey 2: a broken zone shows fixes, then watch mode turns it green', async ({
  page,
  context,
}) => {
  // Notifications allowed, and each one the page shows is recorded (the real API still runs).
  await context.grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const Real = window.Notification;
    const seen: string[] = [];
    (window as unknown as { seenNotes: string[] }).seenNotes = seen;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push(`${title}: ${options?.body ?? ''}`);
      }
    } as typeof Notification;
  });
  await openVerify(page, 'broken.test', '192.0.2.21');
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
    timeout: 30_000,
  });
  for (const check of ['spf.single', 'dkim.present', 'ptr.present']) {
    const item = finding(page, check);
    await expect(item.locator('[data-status]'), check).toHaveText(/Needs fixing/);
    await expect(item.locator('.finding-fix'), check).toContainText('What to do:');
  }
  const attention = page.getByTestId('attention');
  await expect(attention.getByRole('heading')).toHaveText(/Needs your attention/);
  await expect(attention.locator('li').first()).toContainText('Needs fixing');
  await attention.getByRole('link', { name: /DKIM/ }).first().click();
  await expect(finding(page, 'dkim.present')).toBeFocused();
  for (const title of ['Records', 'DKIM', 'Reverse DNS', 'Verify'])
    await expect(stepMark(page, title), title).toHaveAttribute('data-mark', 'attention');
  await expect(stepMark(page, 'Server')).toHaveAttribute('data-mark', 'done');
  await page
    .getByRole('navigation', { name: 'Setup steps' })
    .screenshot({ path: shot('verify-02-step-marks') });
  await expectAccessible(page, 'Verify broken');
  await page.screenshot({ path: shot('verify-02-broken'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'Verify broken (dark)');
  await page.screenshot({ path: shot('verify-02-broken-dark') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Watch until everything passes' }).click();
  await expect(page.getByTestId('next-check')).toBeVisible({ timeout: 30_000 });
  // "Check now" stays while watching: it checks at once and plans the next check from there.
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('next-check')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Stop watching' })).toBeVisible();

  // The fix, made the way a user would: the DNS host's zone changes; caches are flushed.
  await world.knot.setZone('broken.test', mailZone('broken.test', { ip: '192.0.2.21' }));
  await world.knot.setZone(
    '2.0.192.in-addr.arpa',
    reverseZone({ ...PTRS, 21: 'mail.broken.test' }),
  );
  await world.unbound.flush('broken.test');
  await world.unbound.flush('2.0.192.in-addr.arpa');

  await expect(page.getByTestId('verify-status')).toContainText(
    /Everything passes|Nothing fails or waits for DNS any more/,
    {
      timeout: 45_000,
    },
  );
  await expect(page.getByRole('button', { name: 'Watch until everything passes' })).toBeVisible();
  expect(await badCount(page)).toBe(0);
  // The All done moment: what was verified, what was not looked at (no test message was
  // read here), and the ladder.
  const done = page.getByTestId('all-done');
  await expect(done.getByRole('heading', { level: 2 })).toHaveText(/^All done/);
  await expect(done.getByTestId('all-done-verified')).toContainText('SPF: who may send');
  await expect(done.getByTestId('all-done-not-looked')).toContainText('A real message');
  await expect(done.getByTestId('all-done-ladder')).toContainText('p=reject');
  await expect(stepMark(page, 'Reverse DNS')).toHaveAttribute('data-mark', 'done');
  const notes = await page.evaluate(() => (window as unknown as { seenNotes: string[] }).seenNotes);
  expect(notes.join('\n')).toContain('Mailwright: Mail for broken.test');
  expect(notes.join('\n')).toMatch(/\d+ changes?: /);
  const changes = page.getByTestId('changes');
  await expect(changes).toContainText('was failing, now passes');
  await expect(changes).toContainText(
    'Exactly one SPF record (broken.test): was failing, now passes.',
  );
  await page.screenshot({ path: shot('verify-03-watch-green'), fullPage: true });
});

test('Journey 3: a changed record is pending with an ETA, then green after the TTL', async ({
  page,
}) => {
  // The plan says .91; the zone still says .90, and Unbound caches that answer.
  await openVerify(page, 'prop.test', '192.0.2.91');
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
    timeout: 30_000,
  });
  await expect(finding(page, 'host.a').locator('[data-status]')).toHaveText(/Needs fixing/);

  await world.knot.setZone('prop.test', mailZone('prop.test', { ip: '192.0.2.91' }));
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('verify-status')).toContainText('Check finished', {
    timeout: 30_000,
  });
  const hostA = finding(page, 'host.a');
  await expect(hostA.locator('[data-status]')).toHaveText(/Waiting for DNS/);
  await expect(hostA.getByTestId('eta')).toContainText(
    /Should be visible everywhere by .+ \(in about \d+ seconds?\)|any moment now/,
  );
  // Per view: the DNS host already has the new address, the resolver still the cached one.
  await hostA.getByText('Answers from each place we asked').click();
  const views = hostA.getByRole('table');
  await expect(views).toContainText('192.0.2.91');
  await expect(views).toContainText('192.0.2.90');
  await hostA.screenshot({ path: shot('verify-04-pending-views') });
  await expectAccessible(page, 'Verify pending');
  await page.screenshot({ path: shot('verify-04-pending'), fullPage: true });

  await page.getByRole('button', { name: 'Watch until everything passes' }).click();
  await expect(page.getByTestId('verify-status')).toContainText(
    /Everything passes|Nothing fails or waits for DNS any more/,
    {
      timeout: 30_000,
    },
  );
  await expect(hostA.locator('[data-status]')).toHaveText(/OK/);
  await page.screenshot({ path: shot('verify-05-pending-green'), fullPage: true });
});

test('live progress while running, and Cancel stops a run that waits on a silent resolver', async ({
  page,
}) => {
  // A resolver that never answers: every DNS probe waits for its 5 s time limit.
  const silent = await startSilentDns();
  try {
    await served.stop();
    served = await serve(dataDir, [
      '--resolver',
      silent.address,
      '--ns-port',
      String(silent.port),
      '--no-smtp',
      '--no-dnsbl',
      '--control-mx',
      'none',
      '--timeout',
      '5000',
    ]);
    await openVerify(page, 'ok.test', '192.0.2.10');
    await page.getByRole('button', { name: 'Check now' }).click();
    // Checks that need no network finish at once and show while the rest are on their way.
    await expect(page.getByTestId('verify-status')).toContainText('Checking…');
    await expect(finding(page, 'domain.valid').locator('[data-status]')).toHaveText(/OK/);
    await page.screenshot({ path: shot('verify-06-running'), fullPage: true });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('verify-status')).toContainText('Check stopped before the end', {
      timeout: 10_000,
    });
    await expect(page.locator('.finding-groups [data-status="unknown"]').first()).toBeVisible();
    await expect(page.locator('.finding-groups [data-status="fail"]')).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Earlier checks, newest first' })).toContainText(
      'stopped before the end',
    );
    await page.screenshot({ path: shot('verify-07-cancelled'), fullPage: true });
  } finally {
    await silent.stop();
  }
});
