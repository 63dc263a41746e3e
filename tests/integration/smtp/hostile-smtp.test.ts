import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpGroup } from '../../../main/probes/smtp/smtp-group';
import { startHostileSmtp, type HostileSmtp } from '../../peers/hostile-smtp';
import { scriptedSmtp, startFake, type FakeServer } from './fake-servers';
import { guardLoopback, type LoopbackGuard } from './loopback-guard';
import { finding, runGroup } from './run-group';
import { makeSelfSigned, type TestCertificate } from './test-certificates';

const HOST = 'mail.example.test';
const PLAN = { domain: 'example.test', mailHost: HOST, ipv4: ['127.0.0.1'] };

let dir: string;
let cert: TestCertificate;
let control: FakeServer;
let guard: LoopbackGuard;
let server: HostileSmtp | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-hostile-smtp-'));
  cert = await makeSelfSigned(dir, 'self', HOST);
  control = await startFake(
    scriptedSmtp('220 control.test ESMTP\r\n', (c) =>
      /^QUIT/i.test(c) ? '221 Bye\r\n' : undefined,
    ),
  );
});
afterAll(async () => {
  await control.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  guard = guardLoopback();
});
afterEach(async () => {
  guard.restore();
  expect(guard.hosts.every((h) => h === '127.0.0.1' || h === '::1')).toBe(true);
  await server?.stop();
  server = undefined;
});

async function check(port: number) {
  return runGroup(createSmtpGroup({ submissionPorts: false, greetingTimeoutMs: 1500 }), {
    plan: PLAN,
    addresses: ['127.0.0.1'],
    options: { smtpPort: port, controlMx: `127.0.0.1:${control.port}`, timeoutMs: 2000 },
  });
}

describe('a hostile SMTP server (tests/peers/hostile-smtp)', () => {
  it('text sent after "220 Ready to start TLS" (STARTTLS injection) is a smtp.starttls warning that explains it', async () => {
    const injected = '250-injected.example\r\n250 AUTH PLAIN\r\n';
    server = await startHostileSmtp(HOST, cert, { kind: 'inject-after-starttls', injected });
    const run = await check(server.port);
    const starttls = finding(run, 'smtp.starttls');
    expect(starttls.status).toBe('warn');
    expect(starttls.title).toBe(
      'The server sends text between "ready to encrypt" and the encryption',
    );
    expect(starttls.detail).toContain(`sent ${injected.length} more bytes of plain text`);
    expect(starttls.detail).toContain('STARTTLS injection');
    expect(starttls.fix).toContain('Update the mail software');
    expect(starttls.evidence).toMatchObject({ bytesBeforeTls: injected.length });
    // The injected text was dropped, never read as the answer inside TLS: EHLO was asked again.
    expect(server.received.filter((l) => /^EHLO/i.test(l))).toHaveLength(2);
  });

  it('a partial line injected after "220 Ready" is counted too', async () => {
    server = await startHostileSmtp(HOST, cert, {
      kind: 'inject-after-starttls',
      injected: '250 half',
    });
    const starttls = finding(await check(server.port), 'smtp.starttls');
    expect(starttls.status).toBe('warn');
    expect(starttls.evidence).toMatchObject({ bytesBeforeTls: 8 });
  });
});
