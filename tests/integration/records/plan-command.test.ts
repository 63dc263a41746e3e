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
import { buildJsonExport } from '../../../main/export/json-export';
import { planSchema } from '../../../shared/model/plan';
import { recordsToPublish } from '../../../shared/records/records-to-publish';

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

  describe('MTA-STS: the policy file and how to serve it', () => {
    const secure = { ...example, security: { mtaSts: { mode: 'enforce' }, tlsRpt: true } };
    const policyLines = [
      'version: STSv1',
      'mode: enforce',
      'mx: mail.example.com',
      'max_age: 604800',
    ];

    it('the list prints the policy file whole, the mta-sts address, certbot and each web server', async () => {
      const io = capture();
      expect(await runPlanCommand({ plan: await planFile(secure, 'secure.json') }, io)).toBe(0);
      const part = io.out.slice(io.out.indexOf('MTA-STS policy file'));
      expect(part).toContain(
        'save the file as /var/www/mta-sts.example.com/.well-known/mta-sts.txt',
      );
      expect(part).toContain(policyLines.map((l) => `    ${l}`).join('\n'));
      expect(part).toContain('mta-sts.example.com points at your server: A 203.0.113.10');
      expect(part).toContain(
        'certbot certonly --webroot -w /var/www/html --cert-name mail.example.com --reuse-key -d mail.example.com -d mta-sts.example.com',
      );
      expect(part).toContain('nginx (/etc/nginx/sites-available/mta-sts.example.com):');
      expect(part).toContain('    server_name mta-sts.example.com;');
      expect(part).toContain('Caddy (/etc/caddy/Caddyfile):\n\n    mta-sts.example.com {');
      expect(part).toContain('Apache (/etc/apache2/sites-available/mta-sts.example.com.conf):');
      expect(part).toContain('point mta-sts.example.com there with a CNAME');
      // The records list above carries the id of exactly this file.
      expect(io.out).toMatch(/_mta-sts\.example\.com[\s\S]*v=STSv1; id=\w+/);
    });

    it('a plan without MTA-STS prints no policy section', async () => {
      const io = capture();
      expect(await runPlanCommand({ plan: await planFile(example) }, io)).toBe(0);
      expect(io.out).not.toContain('MTA-STS policy file');
    });

    it('--json and the JSON export carry the same setup, whose id the _mta-sts record publishes', async () => {
      // An app export whose look-up saw another MX: the policy must cover it, in both outputs.
      const plan = planSchema.parse(secure);
      const published = {
        domain: 'example.com',
        mailHost: 'mail.example.com',
        spf: [],
        dmarc: [],
        mx: [{ preference: 20, exchange: 'backup.example.net' }],
        mailHostSpf: [],
        mailHostAddresses: [],
        problems: [],
        unread: [],
      };
      const exported = JSON.parse(
        buildJsonExport(plan, recordsToPublish(plan, published), published, undefined),
      ) as { mtaSts: { policy: { text: string; id: string } } };
      expect(exported.mtaSts.policy.text).toContain('mx: backup.example.net\r\n');

      const io = capture();
      const file = await planFile(JSON.stringify(exported), 'export.json');
      expect(await runPlanCommand({ plan: file, json: true }, io)).toBe(0);
      const doc = JSON.parse(io.out) as {
        records: { key: string; value: string }[];
        mtaSts: typeof exported.mtaSts & {
          records: { type: string; value: string }[];
          webServers: { server: string }[];
          certbot: string;
        };
      };
      expect(doc.mtaSts).toEqual(exported.mtaSts);
      expect(doc.mtaSts.policy.text).toBe(
        [
          ...policyLines.slice(0, 2),
          'mx: mail.example.com',
          'mx: backup.example.net',
          'max_age: 604800',
          '',
        ].join('\r\n'),
      );
      expect(doc.records.find((r) => r.key === 'mta-sts')?.value).toBe(
        `v=STSv1; id=${doc.mtaSts.policy.id}`,
      );
      expect(doc.mtaSts.records).toMatchObject([{ type: 'A', value: '203.0.113.10' }]);
      expect(doc.mtaSts.webServers.map((w) => w.server)).toEqual(['nginx', 'Caddy', 'Apache']);
      expect(doc.mtaSts.certbot).toContain('--reuse-key');
    });
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
