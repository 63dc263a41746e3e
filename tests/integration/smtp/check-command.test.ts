import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { SMTP_PLAN, SMTP_ZONES } from '../../fixtures/smtp/loopback-zones';
import { startKnot, type KnotPeer } from '../../peers/knot';
import { getFreePort } from '../../peers/ports';
import { startPostfix, type PostfixPeer } from '../../peers/postfix';
import { startUnbound, type UnboundPeer } from '../../peers/unbound';

// The real command-line entry, run from source (each command loads only what it needs).
const ENTRY = join(import.meta.dirname, '../../../main/cli/index.ts');

let dir: string;
let planFile: string;
let knot: KnotPeer;
let unbound: UnboundPeer;
let postfix: PostfixPeer;

/** Run `mailwright check` as a process; resolves with its output and exit status. */
function mailwright(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'check', ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function loopbackArgs(extra: string[]): string[] {
  return [
    '--plan',
    planFile,
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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-smtp-cli-'));
  planFile = join(dir, 'plan.json');
  // The plan file refuses loopback addresses (no one else could reach them), so the plan names a
  // documentation address and the published A record sends the probe to 127.0.0.1.
  await writeFile(planFile, JSON.stringify({ ...SMTP_PLAN, ipv4: ['192.0.2.25'] }));
  knot = await startKnot({ zones: SMTP_ZONES });
  unbound = await startUnbound({
    stubs: Object.keys(SMTP_ZONES).map((zone) => ({ zone, port: knot.port })),
  });
  postfix = await startPostfix({ hostname: SMTP_PLAN.mailHost });
});

afterAll(async () => {
  await Promise.allSettled([knot?.stop(), unbound?.stop(), postfix?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('mailwright check with the mail host on a loopback Postfix', () => {
  it('--json reports the SMTP findings of the Postfix', async () => {
    const out = await mailwright(
      loopbackArgs(['--json', '--smtp-port', String(postfix.port), '--control-mx', 'none']),
    );
    const doc = JSON.parse(out.stdout) as CheckDocument;
    const smtp = Object.fromEntries(
      doc.findings.filter((f) => f.check.startsWith('smtp.')).map((f) => [f.check, f.status]),
    );
    expect(smtp).toEqual({
      'smtp.network': 'pass',
      'smtp.reachable': 'pass',
      'smtp.banner': 'pass',
      'smtp.ehlo': 'pass',
      'smtp.starttls': 'pass',
      'smtp.certificate': 'warn', // self-signed
    });
    expect(doc.findings.find((f) => f.check === 'smtp.certificate')?.title).toBe(
      'The certificate is self-signed',
    );
    expect(
      doc.findings
        .filter((f) => f.check.startsWith('smtp.'))
        .every((f) => f.subject === '127.0.0.1'),
    ).toBe(true);
    expect(doc.findings.filter((f) => f.check === 'submission.ports')).toHaveLength(1);
  });

  it('human output shows the SMTP group with the fixes', async () => {
    const out = await mailwright(
      loopbackArgs(['--smtp-port', String(postfix.port), '--control-mx', 'none']),
    );
    expect(out.stdout).toContain('Mail server connection (SMTP)');
    expect(out.stdout).toContain('The certificate is self-signed');
    expect(out.stdout).toContain('certbot certonly --standalone -d mail.smtp.test');
  });

  it('a closed port with an unreachable control MX: SMTP unknown, "run it on the server" with the command', async () => {
    const [closed, deadControl] = [await getFreePort(), await getFreePort()];
    const out = await mailwright(
      loopbackArgs([
        '--json',
        '--smtp-port',
        String(closed),
        '--control-mx',
        `127.0.0.1:${deadControl}`,
      ]),
    );
    const doc = JSON.parse(out.stdout) as CheckDocument;
    const smtp = doc.findings.filter((f) => f.check.startsWith('smtp.'));
    expect(smtp.map((f) => f.status)).toEqual(Array(6).fill('unknown'));
    expect(smtp[0]?.title).toContain('this network blocks outgoing connections to port 25');
    expect(smtp[0]?.fix).toContain('npx mailwright check --plan');
  });

  it('--no-smtp leaves the SMTP checks out', async () => {
    const out = await mailwright(loopbackArgs(['--json', '--no-smtp']));
    const doc = JSON.parse(out.stdout) as CheckDocument;
    expect(
      doc.findings.filter((f) => f.check.startsWith('smtp.') || f.check === 'submission.ports'),
    ).toEqual([]);
  });
});
