import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpGroup, type SmtpGroupConfig } from '../../../main/probes/smtp/smtp-group';
import { SMTPServer } from 'smtp-server';
import { getFreePort } from '../../peers/ports';
import { scriptedSmtp, startFake, type FakeServer } from './fake-servers';
import { guardLoopback, type LoopbackGuard } from './loopback-guard';
import { finding, runGroup, statuses } from './run-group';
import { makeSelfSigned, type TestCertificate } from './test-certificates';

const HOST = 'mail.example.test';
const PLAN = { domain: 'example.test', mailHost: HOST, ipv4: ['127.0.0.1'] };
const GREETING_MS = 1500;
const BASE: SmtpGroupConfig = {
  submissionPorts: false,
  greetingTimeoutMs: GREETING_MS,
  planFile: 'my-plan.json',
};

/** EHLO answers of a plain server that offers STARTTLS. */
function ehloReply(command: string): string | undefined {
  if (/^EHLO/i.test(command)) return `250-${HOST}\r\n250-PIPELINING\r\n250 STARTTLS\r\n`;
  if (/^STARTTLS/i.test(command)) return '454 4.7.0 TLS not available due to local problem\r\n';
  if (/^QUIT/i.test(command)) return '221 Bye\r\n';
  return undefined;
}

/** A server that says 220 to STARTTLS, then runs `upgrade` on the raw socket. */
function starttlsServer(upgrade: (socket: Socket) => void): (socket: Socket) => void {
  return scriptedSmtp(`220 ${HOST} ESMTP\r\n`, (command, socket) => {
    if (/^STARTTLS/i.test(command)) {
      socket.write('220 2.0.0 Ready to start TLS\r\n', () => {
        socket.removeAllListeners('data');
        upgrade(socket);
      });
      return undefined;
    }
    return ehloReply(command);
  });
}

let dir: string;
let cert: TestCertificate;
let control: FakeServer;
let guard: LoopbackGuard;
const fakes: FakeServer[] = [];

async function fake(handler: (socket: Socket) => void): Promise<FakeServer> {
  const server = await startFake(handler);
  fakes.push(server);
  return server;
}

/** A fake on a given address and port (for one port on both IPv4 and IPv6 loopback). */
async function startFakeOn(
  handler: (socket: Socket) => void,
  host: string,
  port: number,
): Promise<{ close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function check(
  port: number,
  config: SmtpGroupConfig = {},
  options: Record<string, unknown> = {},
) {
  return runGroup(createSmtpGroup({ ...BASE, ...config }), {
    plan: PLAN,
    addresses: ['127.0.0.1'],
    options: {
      smtpPort: port,
      controlMx: `127.0.0.1:${control.port}`,
      timeoutMs: 2000,
      ...options,
    },
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-smtp-fakes-'));
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
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

describe('SMTP probe against misbehaving servers', () => {
  it('a server that never greets fails smtp.banner within the greeting time limit, and later checks are unknown', async () => {
    const server = await fake(() => undefined);
    const run = await check(server.port);
    expect(run.durationMs).toBeLessThan(GREETING_MS + 1500);
    const banner = finding(run, 'smtp.banner');
    expect(banner.status).toBe('fail');
    expect(banner.title).toBe('The server accepts connections but never greets');
    expect(banner.detail).toContain('waited 1.5 s without a word');
    expect(banner.detail).toContain('tarpit');
    expect(banner.fix).toContain('postscreen_greet_wait');
    expect(statuses(run)).toMatchObject({
      'smtp.network': 'pass',
      'smtp.reachable': 'pass',
      'smtp.ehlo': 'unknown',
      'smtp.starttls': 'unknown',
      'smtp.certificate': 'unknown',
    });
    expect(finding(run, 'smtp.ehlo').detail).toContain('did not greet with 220');
  });

  it('a 421 greeting is explained as busy / not taking connections, and the probe says QUIT', async () => {
    const commands: string[] = [];
    const server = await fake(
      scriptedSmtp('421 4.3.2 mail.example.test Service shutting down\r\n', (c) => {
        commands.push(c);
        return /^QUIT/i.test(c) ? '221 Bye\r\n' : undefined;
      }),
    );
    const run = await check(server.port);
    const banner = finding(run, 'smtp.banner');
    expect(banner.status).toBe('fail');
    expect(banner.title).toContain('421: busy or not taking connections now');
    expect(banner.detail).toContain('"421 4.3.2 mail.example.test Service shutting down"');
    expect(banner.fix).toContain('run the check again');
    expect(commands).toEqual(['QUIT']);
  });

  it('a 554 greeting says the server refuses this computer and suggests running on the server', async () => {
    const server = await fake(
      scriptedSmtp('554 5.7.1 Your address is listed\r\n', () => '221 Bye\r\n'),
    );
    const run = await check(server.port);
    const banner = finding(run, 'smtp.banner');
    expect(banner.status).toBe('fail');
    expect(banner.title).toBe('The server refuses to talk to this computer (554)');
    expect(banner.fix).toContain('npx mailwright check --plan my-plan.json');
  });

  it('a multi-line greeting naming the mail host passes', async () => {
    const server = await fake(
      scriptedSmtp(`220-${HOST} ESMTP\r\n220-second line\r\n220 third\r\n`, ehloReply),
    );
    const run = await check(server.port);
    const banner = finding(run, 'smtp.banner');
    expect(banner.status).toBe('pass');
    expect(banner.title).toBe(`The server greets as ${HOST}`);
    expect(banner.detail).toContain('(+2 more lines)');
  });

  it('a server without STARTTLS (smtp-server, hideSTARTTLS) fails smtp.starttls with the Postfix settings as fix', async () => {
    const smtp = new SMTPServer({
      name: HOST,
      hideSTARTTLS: true,
      authOptional: true,
      logger: false,
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    try {
      const run = await check(port);
      expect(statuses(run)).toMatchObject({
        'smtp.banner': 'pass',
        'smtp.ehlo': 'pass',
        'smtp.starttls': 'fail',
        'smtp.certificate': 'unknown',
      });
      const starttls = finding(run, 'smtp.starttls');
      expect(starttls.title).toBe('The server does not offer encryption (STARTTLS)');
      expect(starttls.fix).toContain('smtpd_tls_security_level = may');
      expect(starttls.fix).toContain(`certbot certonly --standalone -d ${HOST}`);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('a TLS handshake that fails (plain text after "220 Ready") fails smtp.starttls', async () => {
    // A separate chunk, after a pause, so it reaches the TLS layer as the server's "hello".
    const server = await fake(
      starttlsServer((socket) => setTimeout(() => socket.end('this is not TLS\r\n'), 50)),
    );
    const run = await check(server.port);
    const starttls = finding(run, 'smtp.starttls');
    expect(starttls.status).toBe('fail');
    expect(starttls.title).toBe('The encryption handshake fails');
    expect(starttls.detail).toContain('the TLS handshake failed');
    expect(finding(run, 'smtp.certificate').status).toBe('unknown');
  });

  it('a server stuck on TLS 1.1 is reported as outdated encryption', async () => {
    const server = await fake(
      starttlsServer((socket) => {
        const secure = new TLSSocket(socket, {
          isServer: true,
          key: cert.keyPem,
          cert: cert.certPem,
          minVersion: 'TLSv1',
          maxVersion: 'TLSv1.1',
          ciphers: 'DEFAULT:@SECLEVEL=0',
        });
        secure.on('error', () => undefined);
      }),
    );
    const run = await check(server.port);
    const starttls = finding(run, 'smtp.starttls');
    expect(starttls.status).toBe('fail');
    expect(starttls.title).toMatch(/outdated/);
    expect(starttls.fix).toContain('>=TLSv1.2');
  });

  it('a greeting with another name warns; with a PTR that matches neither it fails', async () => {
    const server = await fake(
      scriptedSmtp('220 vps-1234.hoster.example ESMTP Postfix\r\n', ehloReply),
    );
    const run = await check(server.port);
    const banner = finding(run, 'smtp.banner');
    expect(banner.status).toBe('warn');
    expect(banner.title).toBe(`The server calls itself vps-1234.hoster.example, not ${HOST}`);
    expect(banner.fix).toContain(`postconf -e myhostname=${HOST}`);

    const withPtr = await runGroup(createSmtpGroup(BASE), {
      plan: PLAN,
      addresses: ['127.0.0.1'],
      ptr: { '127.0.0.1': [HOST] },
      options: { smtpPort: server.port, controlMx: `127.0.0.1:${control.port}`, timeoutMs: 2000 },
    });
    const mismatch = finding(withPtr, 'smtp.banner');
    expect(mismatch.status).toBe('fail');
    expect(mismatch.detail).toContain(`the PTR of 127.0.0.1 is ${HOST}`);
  });

  it('a slow greeting that still comes in time passes, with a progress note while waiting', async () => {
    const server = await fake(scriptedSmtp(`220 ${HOST} ESMTP\r\n`, ehloReply, 1200));
    const run = await check(server.port, { noteAfterMs: 300 });
    const banner = finding(run, 'smtp.banner');
    expect(banner.status).toBe('pass');
    expect(run.notes.some((n) => n.startsWith('Waiting for the greeting of 127.0.0.1'))).toBe(true);
    const greeting = (banner.evidence?.greeting as { elapsedMs: number }).elapsedMs;
    expect(greeting).toBeGreaterThanOrEqual(1100);
  });

  it('a connection reset before the greeting is explained (security tool or crash)', async () => {
    const server = await fake((socket) => setTimeout(() => socket.resetAndDestroy(), 30));
    const run = await check(server.port);
    const banner = finding(run, 'smtp.banner');
    expect(banner.status).toBe('fail');
    expect(banner.title).toBe('The server cut the connection off before greeting');
    expect(banner.detail).toContain('reset');
    expect(banner.fix).toContain('fail2ban');
  });

  it('a closed port (ECONNREFUSED) while the control MX answers fails smtp.reachable with the server-side checklist', async () => {
    const port = await getFreePort();
    const run = await check(port);
    expect(finding(run, 'smtp.network').status).toBe('pass');
    const reachable = finding(run, 'smtp.reachable');
    expect(reachable.status).toBe('fail');
    expect(reachable.title).toBe(`Nothing accepts connections on port ${port}`);
    expect(reachable.fix).toContain('inet_interfaces = all');
    expect(reachable.fix).toContain("VPS host's firewall");
    expect(finding(run, 'smtp.banner').status).toBe('unknown');
  });

  it('a closed port while the control MX fails too: every SMTP finding is unknown with the network explanation', async () => {
    const [port, deadControl] = [await getFreePort(), await getFreePort()];
    const run = await check(port, {}, { controlMx: `127.0.0.1:${deadControl}` });
    const smtp = run.findings.filter((f) => f.check.startsWith('smtp.'));
    expect(smtp).toHaveLength(6);
    for (const f of smtp) {
      expect(f.status).toBe('unknown');
      expect(f.title).toMatch(/could not be checked: this network blocks .*port 25/i);
      expect(f.fix).toContain('npx mailwright check --plan my-plan.json');
      expect(f.fix).toContain('scp my-plan.json root@127.0.0.1:');
    }
  });

  it('--control-mx none makes no control connection at all', async () => {
    const before = control.connections;
    const server = await fake(scriptedSmtp(`220 ${HOST} ESMTP\r\n`, ehloReply));
    const run = await check(server.port, {}, { controlMx: 'none' });
    expect(control.connections).toBe(before);
    // The only connection made was to the server under test.
    expect(guard.hosts).toEqual(['127.0.0.1']);
    expect(finding(run, 'smtp.network').status).toBe('pass');
    expect((finding(run, 'smtp.network').evidence?.control as { status: string }).status).toBe(
      'skipped',
    );

    const closed = await check(await getFreePort(), {}, { controlMx: 'none' });
    expect(control.connections).toBe(before);
    expect(finding(closed, 'smtp.network').status).toBe('info');
    expect(finding(closed, 'smtp.network').title).toBe(
      'Not checked whether this network lets port 25 out',
    );
    expect(finding(closed, 'smtp.reachable').status).toBe('fail');
  });

  it('probes IPv4 and IPv6 addresses separately, each with its own address literal in EHLO', async () => {
    const seen: string[] = [];
    const handler = scriptedSmtp(`220 ${HOST} ESMTP\r\n`, (c) => {
      if (/^EHLO/i.test(c)) seen.push(c);
      return ehloReply(c);
    });
    const port = await getFreePort();
    const v4 = await startFakeOn(handler, '127.0.0.1', port);
    const v6 = await startFakeOn(handler, '::1', port);
    try {
      const run = await runGroup(createSmtpGroup(BASE), {
        plan: PLAN,
        addresses: ['127.0.0.1', '::1'],
        options: { smtpPort: port, controlMx: `127.0.0.1:${control.port}`, timeoutMs: 2000 },
      });
      expect(
        run.findings.filter((f) => f.check === 'smtp.banner').map((f) => [f.subject, f.status]),
      ).toEqual(
        expect.arrayContaining([
          ['127.0.0.1', 'pass'],
          ['::1', 'pass'],
        ]),
      );
      expect(run.findings).toHaveLength(12);
      expect(seen.sort()).toEqual(['EHLO [127.0.0.1]', 'EHLO [IPv6:::1]']);
    } finally {
      await Promise.all([v4.close(), v6.close()]);
    }
  });

  it('cancelling during the greeting ends the run at once with unknown findings', async () => {
    const server = await fake(() => undefined);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    const run = await runGroup(createSmtpGroup({ ...BASE, greetingTimeoutMs: 20_000 }), {
      plan: PLAN,
      addresses: ['127.0.0.1'],
      signal: abort.signal,
      options: { smtpPort: server.port, controlMx: `127.0.0.1:${control.port}`, timeoutMs: 2000 },
    });
    expect(run.durationMs).toBeLessThan(1500);
    expect(finding(run, 'smtp.banner').status).toBe('unknown');
    expect(finding(run, 'smtp.banner').title).toBe('Not checked: the check was cancelled');
  });
});
