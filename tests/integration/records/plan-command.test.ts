import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  registerPlanCommand,
  runPlanCommand,
  type PlanCommandIo,
} from '../../../main/cli/plan-command';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-plan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const planFile = async (plan: unknown, name = 'plan.json') => {
  const file = join(dir, name);
  await writeFile(file, typeof plan === 'string' ? plan : JSON.stringify(plan));
  return file;
};

function capture(): PlanCommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readFile: (p: string) => readFile(p, 'utf8'),
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

const example = {
  domain: 'example.com',
  mailHost: 'mail.example.com',
  ipv4: ['203.0.113.10'],
  ipv6: [],
  mode: 'send-receive',
  senders: ['amazon-ses', 'sendiio-smtp'],
  dkim: { selector: 'mail' },
  dmarc: { policy: 'quarantine', rua: 'mailto:dmarc@example.com' },
};

describe('mailwright plan', () => {
  it('prints a readable list of the records with why and next steps', async () => {
    const io = capture();
    expect(await runPlanCommand({ plan: await planFile(example) }, io)).toBe(0);
    expect(io.out).toContain('Records to publish for example.com (mail host mail.example.com)');
    expect(io.out).toMatch(/ 1\. A {4}\s+mail\.example\.com {2}\(TTL 3600\)\n\s+203\.0\.113\.10/);
    expect(io.out).toContain(
      'v=spf1 ip4:203.0.113.10 include:amazonses.com include:spf.sendiiosmtp.com ~all',
    );
    expect(io.out).toContain('Set at your VPS host (reverse DNS)');
    expect(io.out).toContain('Next step:');
    expect(io.out).toContain('Not ready: The DKIM key is not known yet');
    expect(io.out).toContain('Check: ipv4[0]: 203.0.113.10 is a documentation address');
    expect(io.err).toBe('');
  });

  it('prints JSON with every planned record', async () => {
    const io = capture();
    expect(await runPlanCommand({ plan: await planFile(example), json: true }, io)).toBe(0);
    const doc = JSON.parse(io.out) as {
      tool: string;
      records: { key: string }[];
      warnings: unknown[];
    };
    expect(doc.tool).toBe('mailwright');
    expect(doc.records.map((r) => r.key)).toEqual([
      'a:203.0.113.10',
      'mx',
      'spf',
      'spf-helo',
      'dkim:mail',
      'dmarc',
      'ptr:203.0.113.10',
    ]);
    expect(io.err).toContain('note: ipv4[0]');
  });

  it('prints a BIND zone that kzonecheck accepts once SOA/NS are added', async () => {
    const io = capture();
    expect(await runPlanCommand({ plan: await planFile(example), zone: true }, io)).toBe(0);
    expect(io.out).toContain('$ORIGIN example.com.');
    const zone = io.out.replace(
      '$TTL 3600',
      '$TTL 3600\n@ IN SOA ns1.example.net. hostmaster.example.com. 1 3600 900 1209600 300\n@ IN NS ns1.example.net.',
    );
    const file = join(dir, 'example.com.zone');
    await writeFile(file, zone);
    // kzonecheck exits non-zero (rejects) on an invalid zone and prints nothing for a clean one.
    const checked = await run('kzonecheck', ['-o', 'example.com', file], { timeout: 10_000 });
    expect(checked.stdout + checked.stderr).toBe('');
  });

  it.each([
    [
      { ...example, ipv4: ['1231233'] },
      /^mailwright plan: ipv4\[0\]: "1231233" is not an IPv4 address/,
    ],
    [
      { ...example, ipv4: ['192.168.1.10'] },
      /ipv4\[0\]: 192\.168\.1\.10 is an address inside your home or office network/,
    ],
    [{ ...example, domain: undefined }, /^mailwright plan: domain: is missing/],
    ['{"domain": ', /^mailwright plan: plan: The plan file is not valid JSON/],
  ])('exits 2 on bad input, naming the field (%#)', async (plan, message) => {
    const io = capture();
    expect(await runPlanCommand({ plan: await planFile(plan, 'bad.json') }, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });

  it('exits 2 when the file is missing or both formats are asked for', async () => {
    const io = capture();
    expect(await runPlanCommand({ plan: join(dir, 'nope.json') }, io)).toBe(2);
    expect(io.err).toContain('cannot read the plan file');
    expect(await runPlanCommand({ plan: 'x', json: true, zone: true }, capture())).toBe(2);
  });

  it('registers on a commander program and sets the exit status', async () => {
    const program = new Command('mailwright').exitOverride();
    registerPlanCommand(program);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const ewrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const before = process.exitCode;
    try {
      await program.parseAsync([
        'node',
        'mailwright',
        'plan',
        '--plan',
        await planFile({ ...example, ipv4: ['010.1.1.1'] }, 'octal.json'),
      ]);
      expect(process.exitCode).toBe(2);
      expect(String(ewrite.mock.calls[0]?.[0])).toContain('leading zero');
      await program.parseAsync([
        'node',
        'mailwright',
        'plan',
        '--plan',
        await planFile(example),
        '--zone',
      ]);
      expect(process.exitCode).toBe(0);
      expect(String(write.mock.calls.at(-1)?.[0])).toContain('$ORIGIN example.com.');
    } finally {
      write.mockRestore();
      ewrite.mockRestore();
      process.exitCode = before;
    }
  });
});
