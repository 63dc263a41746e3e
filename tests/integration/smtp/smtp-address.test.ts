import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCheckCommand } from '../../../main/cli/check-command';
import { isLoopback } from '../../../main/dns/loopback';
import { createSmtpGroup } from '../../../main/probes/smtp/smtp-group';
import type { Finding } from '../../../shared/checks/finding';
import { checkDocumentSchema, type CheckDocument } from '../../../shared/checks/verify-progress';
import { startKnot, type KnotPeer } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { startPostfix, type PostfixPeer } from '../../peers/postfix';
import { destinations } from '../../peers/socket-spy';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';
import { zoneText } from '../../peers/zone-fixtures';
import { startFake, type FakeServer } from './fake-servers';
import { runGroup, statuses } from './run-group';
import { makeLeaf, makeTestCa, type TestCertificate } from './test-certificates';

// DNS says the mail host is 192.0.2.10, a documentation address nothing here can answer on; the
// SMTP checks go to a real Postfix on loopback through --smtp-address, as they would through an
// SSH tunnel (`ssh -L 2525:localhost:25 me@vps`).

const HOST = 'mail.doc.test';
const PLANNED = '192.0.2.10';
const ENTRY = join(import.meta.dirname, '../../../main/cli/index.ts');

const ZONES: Record<string, string> = {
  'doc.test': zoneText({
    origin: 'doc.test',
    records: [
      `mail IN A ${PLANNED}`,
      '@ IN MX 10 mail',
      `@ IN TXT "v=spf1 ip4:${PLANNED} -all"`,
      'mail IN TXT "v=spf1 a -all"',
    ],
  }),
  '2.0.192.in-addr.arpa': zoneText({
    origin: '2.0.192.in-addr.arpa',
    records: [`10 IN PTR ${HOST}.`],
  }),
};

let dir: string;
let planFile: string;
let ca: TestCertificate;
let knot: KnotPeer;
let unbound: UnboundPeer;
let postfix: PostfixPeer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-smtp-address-'));
  planFile = join(dir, 'plan.json');
  await writeFile(
    planFile,
    JSON.stringify({ domain: 'doc.test', mailHost: HOST, ipv4: [PLANNED], mode: 'send-receive' }),
  );
  ca = await makeTestCa(dir);
  const leaf = await makeLeaf(dir, 'leaf', HOST, ca);
  knot = await startKnot({ zones: ZONES });
  unbound = await startUnbound({
    stubs: Object.keys(ZONES).map((zone) => ({ zone, port: knot.port })),
  });
  postfix = await startPostfix({ hostname: HOST, certDir: leaf.dir });
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop(), postfix?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

function loopbackArgs(...extra: string[]): string[] {
  return [
    '--plan',
    planFile,
    '--json',
    '--resolver',
    unbound.address,
    '--ns-port',
    String(knot.port),
    '--no-dnsbl',
    '--timeout',
    '1500',
    ...extra,
  ];
}

const smtpFindings = (doc: CheckDocument): Finding[] =>
  doc.findings.filter((f) => f.check.startsWith('smtp.') || f.check === 'submission.ports');

const byCheck = (findings: Finding[]) =>
  Object.fromEntries(findings.map((f) => [f.check, f.status]));

describe('mailwright check --smtp-address', () => {
  it('checks the Postfix on loopback for a documentation-addressed mail host, and sends nothing to 192.0.2.10', async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    let seen: string[] = [];
    try {
      // No --control-mx: --smtp-address alone must keep the control MX from being tried.
      seen = await destinations(async () => {
        const program = new Command('mailwright').exitOverride();
        registerCheckCommand(program);
        await program.parseAsync([
          'node',
          'mailwright',
          'check',
          ...loopbackArgs('--smtp-address', '127.0.0.1', '--smtp-port', String(postfix.port)),
        ]);
      });
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
    const doc = checkDocumentSchema.parse(JSON.parse(out.join('')));
    const smtp = smtpFindings(doc);
    expect(byCheck(smtp)).toEqual({
      'smtp.network': 'info',
      'smtp.reachable': 'info',
      'smtp.banner': 'pass',
      'smtp.ehlo': 'pass',
      'smtp.starttls': 'pass',
      // The test CA is not trusted by this process (the next test trusts it).
      'smtp.certificate': 'warn',
      'submission.ports': 'info',
    });
    expect(smtp.find((f) => f.check === 'smtp.certificate')?.title).toBe(
      'The certificate chain is incomplete or not from a trusted authority',
    );
    // Subjects stay the planned address; each detail says where the check really went.
    for (const f of smtp) {
      expect(f.subject, f.check).toBe(PLANNED);
      expect(f.detail, f.check).toContain(`through 127.0.0.1:${postfix.port} (--smtp-address)`);
    }
    const banner = smtp.find((f) => f.check === 'smtp.banner');
    expect(banner?.detail).toContain(`greeted with "220 ${HOST} ESMTP test instance"`);
    expect(banner?.detail).toContain(`It matches the PTR of ${PLANNED}.`);
    expect(smtp.find((f) => f.check === 'smtp.network')?.evidence?.['control']).toEqual({
      status: 'skipped',
    });

    const tcp = seen.filter((s) => s.startsWith('tcp ') || s.startsWith('udp '));
    expect(tcp).toContain(`tcp 127.0.0.1:${postfix.port}`);
    expect(seen.filter((s) => s.includes(PLANNED))).toEqual([]);
    const hosts = tcp.map((s) => s.split(' ')[1]?.replace(/:\d+$/, '') ?? '');
    expect(hosts.filter((h) => !isLoopback(h))).toEqual([]);
  });

  it('passes the certificate when the CA is trusted the standard way (NODE_EXTRA_CA_CERTS)', async () => {
    const caFile = join(ca.dir, 'cert.pem');
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          ENTRY,
          'check',
          ...loopbackArgs('--smtp-address', '127.0.0.1', '--smtp-port', String(postfix.port)),
        ],
        { timeout: 60_000, env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile } },
        (error, out, err) =>
          // Exit 1 is fine (the DNS part may fail on things this test does not publish).
          error && !out ? reject(new Error(`${error.message}\n${err}`)) : resolve({ stdout: out }),
      );
    });
    const smtp = smtpFindings(checkDocumentSchema.parse(JSON.parse(stdout)));
    expect(byCheck(smtp)).toMatchObject({
      'smtp.banner': 'pass',
      'smtp.ehlo': 'pass',
      'smtp.starttls': 'pass',
      'smtp.certificate': 'pass',
    });
    expect(smtp.find((f) => f.check === 'smtp.certificate')?.title).toBe(
      `The certificate is valid for ${HOST}`,
    );
  });
});

describe('the SMTP group through --smtp-address', () => {
  const plan = { domain: 'doc.test', mailHost: HOST, ipv4: [PLANNED] };

  it('a stand-in where nothing listens (a tunnel that is down): unknown, never fail', async () => {
    const closed = await getFreePort();
    const run = await runGroup(createSmtpGroup(), {
      plan,
      addresses: [PLANNED],
      options: { smtpAddress: '127.0.0.1', smtpPort: closed, timeoutMs: 1500 },
    });
    expect(statuses(run)).toEqual({
      'smtp.network': 'info',
      'smtp.reachable': 'unknown',
      'smtp.banner': 'unknown',
      'smtp.ehlo': 'unknown',
      'smtp.starttls': 'unknown',
      'smtp.certificate': 'unknown',
      'submission.ports': 'info',
    });
    expect(run.findings.find((f) => f.check === 'smtp.reachable')?.fix).toContain(
      `ssh -N -L ${closed}:localhost:25 root@${PLANNED}`,
    );
    expect(run.started).toContain(`smtp.banner ${PLANNED}`);
  });

  it('a stand-in that hangs up before greeting (a tunnel whose far end is closed): banner unknown', async () => {
    const hangUp: FakeServer = await startFake((socket) => socket.end());
    try {
      const run = await runGroup(createSmtpGroup({ submissionPorts: false }), {
        plan,
        addresses: [PLANNED],
        options: { smtpAddress: '127.0.0.1', smtpPort: hangUp.port, timeoutMs: 1500 },
      });
      expect(statuses(run)).toMatchObject({
        'smtp.reachable': 'info',
        'smtp.banner': 'unknown',
        'smtp.ehlo': 'unknown',
      });
      expect(run.findings.some((f) => f.status === 'fail')).toBe(false);
      expect(run.findings.map((f) => f.check)).not.toContain('submission.ports');
    } finally {
      await hangUp.close();
    }
  });

  it('checks a mail host without an address yet, about the host name', async () => {
    const run = await runGroup(createSmtpGroup({ submissionPorts: false, extraCa: [ca.certPem] }), {
      plan: { domain: 'doc.test', mailHost: HOST },
      addresses: [],
      options: { smtpAddress: '127.0.0.1', smtpPort: postfix.port, timeoutMs: 1500 },
    });
    expect(statuses(run)).toMatchObject({
      'smtp.banner': 'pass',
      'smtp.ehlo': 'pass',
      'smtp.starttls': 'pass',
      'smtp.certificate': 'pass',
    });
    expect(run.findings.every((f) => f.subject === HOST)).toBe(true);
  });
});
