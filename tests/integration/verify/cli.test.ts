import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCheckCommand } from '../../../main/cli/check-command';
import { checkDocumentSchema } from '../../../shared/checks/verify-progress';
import { isLoopback } from '../../../main/dns/loopback';
import { zoneText } from '../../peers/zone-fixtures';
import { getFreePort } from '../../peers/ports';
import { PLANS, ZONES } from '../../fixtures/zones/scenarios';
import { startDnsWorld, type DnsWorld } from './dns-world';
import { destinations } from '../../peers/socket-spy';

const run = promisify(execFile);
// The real command-line entry, run from source (each command loads only what it needs).
const ENTRY = join(import.meta.dirname, '../../../main/cli/index.ts');

let world: DnsWorld;
let dir: string;

const LOOP_ZONE = zoneText({
  origin: 'loop.test',
  nameservers: [
    { name: 'ns1', address: '127.0.0.1' },
    { name: 'ns2', address: '203.0.113.53' },
  ],
  records: [
    'mail IN A 127.0.0.1',
    '@ IN MX 10 mail',
    '@ IN TXT "v=spf1 ip4:127.0.0.1 include:_spf.elsewhere.example -all"',
    '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:x@reports.example"',
  ],
});

beforeAll(async () => {
  world = await startDnsWorld({ ...ZONES, 'loop.test': LOOP_ZONE });
  dir = await mkdtemp(join(tmpdir(), 'mw-cli-'));
  await writeFile(join(dir, 'good.json'), JSON.stringify(PLANS.good));
  await writeFile(join(dir, 'bad.json'), JSON.stringify(PLANS.bad));
  await writeFile(join(dir, 'bad-ip.json'), JSON.stringify({ ...PLANS.good, ipv4: ['1231233'] }));
  await writeFile(
    join(dir, 'no-domain.json'),
    JSON.stringify({ mailHost: 'mail.good.test', ipv4: ['192.0.2.10'] }),
  );
  await writeFile(
    join(dir, 'loop.json'),
    JSON.stringify({
      domain: 'loop.test',
      mailHost: 'mail.loop.test',
      ipv4: ['192.0.2.10'],
      dkim: { selector: 'mail' },
    }),
  );
}, 60_000);

afterAll(async () => {
  await world?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'check', ...args],
      {
        cwd: join(import.meta.dirname, '../../..'),
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const loopback = () => [
  '--resolver',
  world.unbound.address,
  '--ns-port',
  String(world.nsPort),
  '--no-smtp',
  '--dnsbl',
  'zen.dnsbl.test',
  '--timeout',
  '1500',
];

describe('mailwright check', () => {
  it('--json prints only the document of docs/CHECKS.md; exit 0 without a fail', async () => {
    const r = await cli(['--plan', join(dir, 'good.json'), '--json', ...loopback()]);
    expect(r.code).toBe(0);
    const doc = checkDocumentSchema.parse(JSON.parse(r.stdout));
    expect(doc.tool).toBe('mailwright');
    expect(doc.domain).toBe('good.test');
    expect(doc.summary.fail).toBe(0);
    expect(doc.findings.find((f) => f.check === 'spf.authorizes')?.status).toBe('pass');
  });

  it('exit 1 when a check fails; human output is grouped, with fixes, and plain when not a terminal', async () => {
    const r = await cli(['--plan', join(dir, 'bad.json'), ...loopback()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('SPF: who may send for the domain');
    expect(r.stdout).toContain('[FAIL] The domain has more than one SPF record');
    expect(r.stdout).toContain('What to do:');
    expect(r.stdout.includes('\u001b[')).toBe(false);
  });

  it('exit 3 when nothing could be checked (no DNS server answers)', async () => {
    const closed = await getFreePort();
    const r = await cli([
      '--plan',
      join(dir, 'good.json'),
      '--json',
      '--resolver',
      `127.0.0.1:${closed}`,
      '--ns-port',
      String(closed),
      '--no-smtp',
      '--no-dnsbl',
      '--timeout',
      '300',
    ]);
    expect(r.code).toBe(3);
    expect(checkDocumentSchema.parse(JSON.parse(r.stdout)).reachable).toBe(false);
  });

  it.each([
    [['--plan', 'missing.json'], /--plan: cannot read .*missing\.json/],
    [['--plan', 'bad-ip.json'], /ipv4\[0\]: "1231233" is not an IPv4 address/],
    [['--plan', 'no-domain.json'], /domain/],
    [['--plan', 'good.json', '--frobnicate'], /unknown option '--frobnicate'/],
    [['--plan', 'good.json', '--ns-port', 'abc'], /--ns-port: "abc" is not a port/],
    [['--plan', 'good.json', '--resolver', 'dns.example'], /--resolver: .*not an IP address/],
    [['--plan', 'good.json', '--timeout', '-5'], /--timeout/],
    [['--plan', 'good.json', '--smtp-address', 'mail.example.test'], /--smtp-address: .*is a name/],
    [['--plan', 'good.json', '--smtp-address', '127.0.0.1:2525'], /--smtp-address: .*--smtp-port/],
  ])(
    'bad input %j exits 2 naming the field, prints nothing on stdout, writes nothing',
    async (args, message) => {
      const before = await readdir(dir);
      const r = await cli((args as string[]).map((a) => (a.endsWith('.json') ? join(dir, a) : a)));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(await readdir(dir)).toEqual(before);
    },
  );

  // The mail host resolves to 127.0.0.1 in this zone, so the SMTP probe (which connects to the
  // published addresses) stays on loopback too; the plan's documentation address is only asked about.
  it('pointed at loopback, sends nothing anywhere else (DNS, block lists, SMTP and its control probe)', async () => {
    const smtpPort = await getFreePort();
    const controlPort = await getFreePort();
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    let seen: string[] = [];
    try {
      seen = await destinations(async () => {
        const program = new Command('mailwright').exitOverride();
        registerCheckCommand(program);
        await program.parseAsync([
          'node',
          'mailwright',
          'check',
          '--plan',
          join(dir, 'loop.json'),
          '--json',
          '--resolver',
          world.unbound.address,
          '--ns-port',
          String(world.nsPort),
          '--smtp-port',
          String(smtpPort),
          '--control-mx',
          `127.0.0.1:${controlPort}`,
          '--timeout',
          '1000',
        ]);
      });
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
    const doc = checkDocumentSchema.parse(JSON.parse(out.join('')));
    expect(doc.findings.some((f) => f.check.startsWith('smtp.'))).toBe(true);
    expect(doc.findings.some((f) => f.check === 'dnsbl.ip')).toBe(true);
    const hosts = seen
      .filter((s) => !s.startsWith('unix'))
      .map((s) => s.split(' ')[1]?.replace(/:\d+$/, '') ?? '');
    expect(hosts.length).toBeGreaterThan(20);
    expect(hosts.filter((h) => !isLoopback(h))).toEqual([]);
  });
});
