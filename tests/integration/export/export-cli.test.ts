import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZoneFile } from '../../../main/export/zone-export';
import { planRecords } from '../../../shared/records/plan-records';
import { checkDocumentSchema } from '../../../shared/checks/verify-progress';
import { planSchema } from '../../../shared/model/plan';
import { loadPlan } from '../../../shared/model/plan-load';
import { PLANS, ZONES } from '../../fixtures/zones/scenarios';
import { startDnsWorld, type DnsWorld } from '../verify/dns-world';
import { basicPlan, basicRun } from '../../unit/export/summary-fixtures';
import { pdfText, saveArtifacts, squash } from './pdf-tools';

const run = promisify(execFile);
// The real command-line entry, run from source (each command loads only what it needs).
const ENTRY = join(import.meta.dirname, '../../../main/cli/index.ts');
const ROOT = join(import.meta.dirname, '../../..');

let dir: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'export', ...args],
      { cwd: ROOT, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-export-'));
  await writeFile(at('plan.json'), JSON.stringify(basicPlan));
  await writeFile(at('run.json'), JSON.stringify(basicRun()));
  await writeFile(at('bad-ip.json'), JSON.stringify({ ...basicPlan, ipv4: ['1231233'] }));
  await writeFile(
    at('bad-run.json'),
    JSON.stringify({ ...basicRun(), findings: [{ check: 'spf.all', status: 'maybe' }] }),
  );
  await writeFile(at('other-run.json'), JSON.stringify({ ...basicRun(), domain: 'other.example' }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mailwright export', () => {
  it('writes the PDF, the zone file and the JSON from a plan and a check --json result', async () => {
    const r = await cli([
      '--plan',
      at('plan.json'),
      '--results',
      at('run.json'),
      '--pdf',
      at('out.pdf'),
      '--zone',
      at('out.zone'),
      '--json',
      at('out.json'),
      '--paper',
      'letter',
      // Nothing answers on port 1: what example.com publishes cannot be read (as offline).
      '--resolver',
      '127.0.0.1:1',
      '--timeout',
      '500',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote the setup summary to ${at('out.pdf')}`);
    const text = await pdfText(at('out.pdf'));
    expect(text).toContain('2 things to fix');
    expect(squash(text)).toContain(squash(basicRun().findings[4]?.fix ?? 'missing'));
    expect(await readFile(at('out.zone'), 'utf8')).toBe(
      buildZoneFile(basicPlan, planRecords(basicPlan)),
    );
    const json = JSON.parse(await readFile(at('out.json'), 'utf8')) as {
      plan: unknown;
      run: unknown;
    };
    const loaded = loadPlan(JSON.stringify(basicPlan));
    expect(loaded.ok && planSchema.parse(json.plan)).toEqual(loaded.ok && loaded.plan);
    expect(checkDocumentSchema.parse(json.run)).toEqual(basicRun());
  });

  it.each([
    [['--plan', 'missing.json', '--zone', 'x.zone'], /--plan: cannot read .*missing\.json/],
    [['--plan', 'bad-ip.json', '--zone', 'x.zone'], /--plan ipv4\[0\]: "1231233" is not an IPv4/],
    [['--plan', 'plan.json'], /--pdf: say what to write/],
    [
      ['--plan', 'plan.json', '--pdf', 'x.pdf', '--paper', 'a5'],
      /--paper: "a5" is not a paper size/,
    ],
    [
      ['--plan', 'plan.json', '--pdf', 'x.pdf', '--results', 'bad-run.json'],
      /--results findings\[0\]/,
    ],
    [
      ['--plan', 'plan.json', '--pdf', 'x.pdf', '--results', 'other-run.json'],
      /--results domain: the results are for other\.example/,
    ],
    [
      ['--plan', 'plan.json', '--pdf', 'x.pdf', '--ns-port', 'abc'],
      /--ns-port: "abc" is not a port/,
    ],
    [['--pdf', 'x.pdf'], /required option '--plan <file>'/],
  ])('bad input %j exits 2 naming the field and writes nothing', async (args, message) => {
    const before = await readdir(dir);
    const r = await cli((args as string[]).map((a) => (/\.(json|pdf|zone)$/.test(a) ? at(a) : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(await readdir(dir)).toEqual(before);
  });

  it('never puts the DKIM private key in the PDF, the zone or the JSON', async () => {
    // A key pair made the way the app makes one, saved in the project folder beside the plan.
    const project = await mkdtemp(join(tmpdir(), 'mw-project-'));
    try {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'der' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      await writeFile(join(project, 'dkim-mail.private.pem'), privateKey, { mode: 0o600 });
      const plan = {
        ...basicPlan,
        dkim: { selector: 'mail', publicKey: publicKey.toString('base64') },
      };
      await writeFile(join(project, 'plan.json'), JSON.stringify(plan));
      await writeFile(join(project, 'run.json'), JSON.stringify(basicRun()));
      const r = await cli([
        '--plan',
        join(project, 'plan.json'),
        '--results',
        join(project, 'run.json'),
        '--pdf',
        join(project, 'summary.pdf'),
        '--zone',
        join(project, 'records.zone'),
        '--json',
        join(project, 'export.json'),
        '--resolver',
        '127.0.0.1:1',
        '--timeout',
        '500',
      ]);
      expect(r.code).toBe(0);
      const pdf = await readFile(join(project, 'summary.pdf'));
      await saveArtifacts('dkim-private-key-check', pdf);
      const text = await pdfText(join(project, 'summary.pdf'));
      const flat = squash(text);
      // The public key is there (that is the point of the record)...
      expect(flat).toContain(publicKey.toString('base64'));
      // ...and no line of the private key's PEM body, nor its armour.
      const body = privateKey.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
      expect(body.length).toBeGreaterThan(20);
      const others = [
        await readFile(join(project, 'records.zone'), 'utf8'),
        await readFile(join(project, 'export.json'), 'utf8'),
      ];
      for (const out of [text, flat, ...others]) {
        expect(out).not.toContain('PRIVATE KEY');
        for (const line of body) expect(out).not.toContain(line);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe('mailwright export without --results', () => {
  let world: DnsWorld;
  beforeAll(async () => {
    world = await startDnsWorld(ZONES);
    await writeFile(at('good.json'), JSON.stringify(PLANS.good));
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('runs the check first with the same network options as check, against loopback peers', async () => {
    const r = await cli([
      '--plan',
      at('good.json'),
      '--pdf',
      at('good.pdf'),
      '--json',
      at('good.json.out.json'),
      '--resolver',
      world.unbound.address,
      '--ns-port',
      String(world.nsPort),
      '--no-smtp',
      '--dnsbl',
      'zen.dnsbl.test',
      '--timeout',
      '1500',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Checking good.test first');
    const json = JSON.parse(await readFile(at('good.json.out.json'), 'utf8')) as { run: unknown };
    const doc = checkDocumentSchema.parse(json.run);
    expect(doc.domain).toBe('good.test');
    expect(doc.findings.find((f) => f.check === 'spf.authorizes')?.status).toBe('pass');
    await saveArtifacts('checked-first', await readFile(at('good.pdf')));
    const text = await pdfText(at('good.pdf'));
    expect(text).toContain('good.test');
    expect(text).not.toContain('Not verified yet');
    for (const f of doc.findings.filter((x) => x.status === 'fail' || x.status === 'warn')) {
      expect(squash(text)).toContain(squash(f.title));
    }
  });
});
