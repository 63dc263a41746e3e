import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect, shot, type Served } from './serve-fixture';
import { expectAccessible } from './axe';
import { callApi as call } from './api-call';

const run = promisify(execFile);

interface Project {
  id: string;
  name: string;
  draft: Record<string, unknown>;
}

/** A project for example.test at Hetzner and Cloudflare, with a DKIM key made on this computer. */
async function setUpProject(
  served: Served,
  name: string,
): Promise<{ id: string; keyFile: string }> {
  const created = await call<Project>(served, 'projects.create', { name });
  const draft = {
    ...created.draft,
    domain: 'example.test',
    ipv4: '192.0.2.10',
    vpsHost: 'hetzner',
    dnsHost: 'cloudflare',
    mailSoftware: 'postfix',
    dmarcRua: 'dmarc@example.test',
  };
  const saved = await call<Project>(served, 'projects.save', {
    project: { ...created, step: 'summary', draft },
  });
  const key = await call<{ record: string; publicKey: string; keyFile: string; selector: string }>(
    served,
    'dkim.generate',
    { projectId: created.id, selector: 'default' },
  );
  const dkimGenerated = {
    selector: key.selector,
    keyType: 'rsa',
    publicKey: key.publicKey,
    record: key.record,
    keyFile: key.keyFile,
  };
  await call(served, 'projects.save', {
    project: { ...saved, draft: { ...draft, dkimSource: 'generate', dkimGenerated } },
  });
  return { id: created.id, keyFile: key.keyFile };
}

const STARTED = '2026-11-22T10:00:00.000Z';
const ETA = '2026-11-22T11:00:00.000Z';

/**
 * A stored check as verify.run writes it (CheckDocument, docs/CHECKS.md): the records pass except the
 * DKIM key, still on its way, and the reverse DNS, not set yet; the mail-app ports were probed.
 */
function storedRun() {
  const f = (check: string, subject: string, status: string, title: string, extra = {}) => ({
    check,
    subject,
    status,
    title,
    detail: title,
    ...extra,
  });
  const findings = [
    f('host.a', 'mail.example.test', 'pass', 'mail.example.test points to 192.0.2.10.'),
    f('mx.present', 'example.test', 'pass', 'Mail for example.test goes to mail.example.test.'),
    f('spf.present', 'example.test', 'pass', 'example.test has an SPF record.'),
    f('dmarc.present', '_dmarc.example.test', 'pass', 'example.test has a DMARC record.'),
    f(
      'dkim.present',
      'default._domainkey.example.test',
      'pending',
      'Your DKIM key is published but not visible everywhere yet.',
      { fix: 'Wait, then check again.', eta: ETA },
    ),
    f('ptr.present', '192.0.2.10', 'fail', '192.0.2.10 has no reverse DNS name.', {
      fix: 'Ask Hetzner to set the reverse DNS of 192.0.2.10 to mail.example.test.',
    }),
    f('submission.ports', '192.0.2.10', 'info', 'Mail apps can connect on 587 and 993.', {
      evidence: {
        ports: [
          {
            service: 587,
            open: true,
            tls: 'TLSv1.3',
            certificateNames: 'mail.example.test',
            certificateOk: true,
          },
          { service: 465, open: false },
          {
            service: 993,
            open: true,
            tls: 'TLSv1.3',
            certificateNames: 'mail.example.test',
            certificateOk: true,
          },
        ],
      },
    }),
  ];
  return {
    tool: 'mailwright',
    version: '0.1.0',
    domain: 'example.test',
    startedAt: STARTED,
    durationMs: 1200,
    summary: { pass: 4, warn: 0, fail: 1, pending: 1, unknown: 0, info: 1 },
    findings,
  };
}

async function storeRun(served: Served, projectId: string): Promise<void> {
  const dir = join(served.dataDir, 'projects', projectId, 'runs');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, `${STARTED.replace(/:/g, '-')}.json`),
    JSON.stringify(storedRun(), null, 2),
  );
}

// Times on screen are the computer's local time: pin the browser's zone so they are known.
test.use({ actionTimeout: 10_000, timezoneId: 'UTC' });

test('the Summary shows the last check, the next steps and the mail-app settings, and exports a PDF without the private key', async ({
  page,
  served,
}) => {
  const { id, keyFile } = await setUpProject(served, 'Shop mail');
  await storeRun(served, id);
  const runs = await call<{ runs: { id: string }[] }>(served, 'runs.list', { projectId: id });
  expect(runs.runs).toHaveLength(1);

  // Projects list: the status at a glance from the newest run.
  await page.goto(served.url);
  const status = page.getByTestId('project-status');
  await expect(status).toContainText('Needs fixing');
  await expect(status).toContainText('1 to fix, 1 waiting for DNS');
  await expect(status).toContainText('last checked');
  await expectAccessible(page, 'Projects');
  await page.screenshot({ path: shot('summary-01-projects'), fullPage: true });

  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Summary' })).toBeVisible();
  const overall = page.getByTestId('overall-status');
  await expect(overall.getByRole('heading', { name: '1 thing to fix' })).toBeVisible();
  await expect(overall).toContainText(/Checked 22 November( 2026)?, 10:00/);
  await expect(overall).toContainText('1 waiting for DNS');
  const attention = overall.getByTestId('attention');
  await expect(attention).toContainText(
    'Ask Hetzner to set the reverse DNS of 192.0.2.10 to mail.example.test.',
  );
  await expect(attention).toContainText(/visible everywhere by 22 November( 2026)?, 11:00/);

  const records = page.getByTestId('summary-records');
  await expect(
    records.getByRole('row', { name: /Reverse DNS \(PTR\) of 192\.0\.2\.10/ }),
  ).toContainText('Needs fixing');
  await expect(records.getByRole('row', { name: /DKIM key/ })).toContainText(
    'Waiting for DNS to update',
  );
  await expect(records.getByRole('row', { name: /SPF of example\.test/ })).toContainText('OK');

  // Next steps: the ladder dated from the check, and the warm-up advice.
  const ladder = page.getByTestId('ladder');
  await expect(ladder).toContainText('DMARC');
  await expect(ladder).toContainText('2026');
  await expect(page.getByTestId('warmup')).toContainText('over 4 to 8 weeks');
  const ports = page.getByTestId('mail-app-settings');
  await expect(ports.getByRole('row', { name: /587/ })).toContainText('STARTTLS');
  await expect(ports.getByRole('row', { name: /993/ })).toContainText(
    'certificate for mail.example.test',
  );

  await expectAccessible(page, 'Summary');
  await page.screenshot({ path: shot('summary-02-status'), fullPage: true });

  // Export PDF on Letter paper: a download in browser mode.
  await page.getByLabel('Paper size').selectOption('letter');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfPath = join(served.dataDir, download.suggestedFilename());
  await download.saveAs(pdfPath);
  await expect(page.getByTestId('export-outcome')).toContainText(
    `Downloaded ${download.suggestedFilename()}`,
  );
  const { stdout: text } = await run('pdftotext', ['-layout', pdfPath, '-'], { timeout: 20_000 });
  expect(text).toContain('example.test');
  expect(text).toContain('1 thing to fix');
  expect(text).not.toContain('PRIVATE KEY');
  const keyBody = (await readFile(keyFile, 'utf8')).split('\n')[1] ?? '';
  expect(keyBody.length).toBeGreaterThan(40);
  expect(text.replace(/\s+/g, '')).not.toContain(keyBody.slice(0, 40));
  const { stdout: info } = await run('pdfinfo', [pdfPath], { timeout: 20_000 });
  expect(info).toMatch(/Page size:\s+612 x 792 pts/);

  // Zone file and JSON: downloads with the records and the run.
  const [zone] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download zone file' }).click(),
  ]);
  const zoneText = await readFile((await zone.path())!, 'utf8');
  expect(zoneText).toContain('v=spf1');
  expect(zoneText).not.toContain('PRIVATE KEY');
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const jsonText = await readFile((await json.path())!, 'utf8');
  expect(jsonText).toContain('ptr.present');
  expect(jsonText).not.toContain('PRIVATE KEY');
  await page.screenshot({ path: shot('summary-03-exported'), fullPage: true });
});

test('before any check the Summary says so and sends the user to Verify; browser mode has no save dialog', async ({
  page,
  served,
}) => {
  const { id } = await setUpProject(served, 'New mail');
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(served.url);
  await expect(page.getByTestId('project-status')).toContainText('Not checked yet');
  await page.goto(`${served.url}#/p/${id}/summary`);
  const overall = page.getByTestId('overall-status');
  await expect(overall.getByRole('heading', { name: 'Not checked yet' })).toBeVisible();
  await expect(
    overall.getByRole('link', { name: 'Go to Verify to check your setup' }),
  ).toHaveAttribute('href', `#/p/${id}/verify`);
  await expect(page.getByText('did not look at the ports mail apps use')).toBeVisible();
  await expect(page.getByTestId('summary-records')).not.toContainText('Not checked yet');
  await expect(page.getByTestId('summary-records')).toContainText('v=spf1 ip4:192.0.2.10');
  await expectAccessible(page, 'Summary before a check');
  await page.screenshot({ path: shot('summary-04-not-checked'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'Summary before a check, dark');
  await page.screenshot({ path: shot('summary-04b-not-checked-dark-900x600') });

  await expect(
    call(served, 'export.save', { kind: 'pdf', suggestedName: 'x.pdf', base64: 'JVBERg==' }),
  ).rejects.toMatchObject({ code: 'not-in-browser' });
});
