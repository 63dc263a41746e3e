import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpGroup, type SmtpGroupConfig } from '../../../main/probes/smtp/smtp-group';
import { probeSmtpServer } from '../../../main/probes/smtp/smtp-conversation';
import { smtpTimeouts } from '../../../main/probes/smtp/smtp-timeouts';
import { getFreePort } from '../../peers/ports';
import { startPostfix, type PostfixPeer } from '../../peers/postfix';
import { scriptedSmtp, startFake, startTlsFake, type FakeServer } from './fake-servers';
import { guardLoopback } from './loopback-guard';
import { finding, runGroup, statuses } from './run-group';
import { makeLeaf, makeTestCa, type TestCertificate } from './test-certificates';

const run = promisify(execFile);
const HOST = 'mail.example.test';
const PLAN = { domain: 'example.test', mailHost: HOST, ipv4: ['127.0.0.1'] };
const DAY_MS = 86_400_000;

let dir: string;
let ca: TestCertificate;
let leaf: TestCertificate;
let selfSigned: PostfixPeer;
let caSigned: PostfixPeer;
let noTls: PostfixPeer;
let control: FakeServer;

function check(
  peer: PostfixPeer,
  config: SmtpGroupConfig = {},
  mailHost = HOST,
  ptr?: Record<string, string[]>,
) {
  return runGroup(createSmtpGroup({ submissionPorts: false, ...config }), {
    plan: { ...PLAN, mailHost },
    addresses: ['127.0.0.1'],
    ...(ptr ? { ptr } : {}),
    options: { smtpPort: peer.port, controlMx: `127.0.0.1:${control.port}`, timeoutMs: 3000 },
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-smtp-postfix-'));
  ca = await makeTestCa(dir);
  leaf = await makeLeaf(dir, 'leaf', HOST, ca);
  control = await startFake(
    scriptedSmtp('220 control.test ESMTP\r\n', (c) =>
      /^QUIT/i.test(c) ? '221 Bye\r\n' : undefined,
    ),
  );
  [selfSigned, caSigned, noTls] = await Promise.all([
    startPostfix({ hostname: HOST }),
    startPostfix({ hostname: HOST, certDir: leaf.dir }),
    startPostfix({ hostname: HOST, tls: false }),
  ]);
});

afterAll(async () => {
  await Promise.all([selfSigned?.stop(), caSigned?.stop(), noTls?.stop(), control?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('SMTP probe against a real Postfix on loopback', () => {
  it('reads greeting, EHLO, STARTTLS and the certificate, and sends no MAIL FROM', async () => {
    const seen = await probeSmtpServer({
      address: '127.0.0.1',
      port: selfSigned.port,
      mailHost: HOST,
      timeouts: smtpTimeouts(3000),
    });
    expect(seen.greeting?.reply).toEqual({ code: 220, lines: [`${HOST} ESMTP test instance`] });
    expect(seen.ehlo?.command).toBe('EHLO [127.0.0.1]');
    // 127.0.0.1 to 127.0.0.1: the probe sees that it runs on the server itself.
    expect(seen.connect.fromSameMachine).toBe(true);
    expect(seen.ehlo?.extensions).toContain('STARTTLS');
    expect(seen.starttls?.reply?.code).toBe(220);
    expect(seen.bytesBeforeTls).toBe(0);
    expect(seen.tls?.ok).toBe(true);
    expect(seen.tls?.certificate).toMatchObject({
      subjectCn: HOST,
      dnsNames: [HOST],
      selfSigned: true,
    });
    expect(seen.tls?.certificate?.verification).toEqual({
      trusted: false,
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(seen.ehloAfterTls?.extensions).not.toContain('STARTTLS');
    expect(seen.quit?.reply?.code).toBe(221);
    expect(seen.durationMs).toBeLessThan(2000);
    // Postfix counts the commands of each session: EHLO twice, STARTTLS, QUIT, and nothing else.
    await expect
      .poll(() => selfSigned.maillog(), { timeout: 3000 })
      .toMatch(/ehlo=2 starttls=1 quit=1 commands=4/);
    expect(await selfSigned.maillog()).not.toMatch(/mail=|rcpt=|data=/);
  });

  it('agrees with swaks (the reference client) on the TLS version', async () => {
    const { stdout } = await run('swaks', [
      '--server',
      `127.0.0.1:${selfSigned.port}`,
      '--tls',
      '--quit-after',
      'EHLO',
    ]);
    const swaksVersion = /TLS started with cipher (TLSv[\d.]+)/.exec(stdout)?.[1];
    const seen = await probeSmtpServer({
      address: '127.0.0.1',
      port: selfSigned.port,
      mailHost: HOST,
      timeouts: smtpTimeouts(3000),
    });
    expect(swaksVersion).toMatch(/^TLSv1\.[23]$/);
    expect(seen.tls?.protocol).toBe(swaksVersion);
  });

  it('passes greeting, EHLO and STARTTLS, and warns that a self-signed certificate is self-signed', async () => {
    const result = await check(selfSigned);
    expect(statuses(result)).toEqual({
      'smtp.network': 'pass',
      'smtp.reachable': 'pass',
      'smtp.banner': 'pass',
      'smtp.ehlo': 'pass',
      'smtp.starttls': 'pass',
      'smtp.certificate': 'warn',
    });
    expect(finding(result, 'smtp.banner').title).toBe(`The server greets as ${HOST}`);
    expect(finding(result, 'smtp.starttls').title).toBe('The server offers encryption (TLS 1.3)');
    const cert = finding(result, 'smtp.certificate');
    expect(cert.title).toBe('The certificate is self-signed');
    expect(cert.fix).toContain(`certbot certonly --standalone -d ${HOST}`);
    expect(cert.fix).toContain("Let's Encrypt");
    expect(result.started).toHaveLength(6);
  });

  it('passes the certificate check when the test CA is trusted, and not otherwise', async () => {
    const trusted = await check(caSigned, { extraCa: [ca.certPem] });
    const cert = finding(trusted, 'smtp.certificate');
    expect(cert.status).toBe('pass');
    expect(cert.title).toBe(`The certificate is valid for ${HOST}`);
    expect(cert.detail).toContain('issued by Mailwright Test CA, a trusted authority');
    expect(cert.detail).toMatch(/\(29 days left\)|\(30 days left\)/);

    const untrusted = await check(caSigned);
    const warn = finding(untrusted, 'smtp.certificate');
    expect(warn.status).toBe('warn');
    expect(warn.title).toBe('The certificate chain is incomplete or not from a trusted authority');
    expect(warn.fix).toContain('fullchain.pem');
  });

  it('warns under 14 days left and fails once expired (judged at a later time)', async () => {
    const soon = await check(caSigned, {
      extraCa: [ca.certPem],
      now: () => new Date(Date.now() + 25 * DAY_MS),
    });
    const warn = finding(soon, 'smtp.certificate');
    expect(warn.status).toBe('warn');
    expect(warn.title).toMatch(/^The certificate expires in [45] days$/);
    expect(warn.fix).toContain('certbot renew');

    const late = await check(caSigned, {
      extraCa: [ca.certPem],
      now: () => new Date(Date.now() + 40 * DAY_MS),
    });
    const expired = finding(late, 'smtp.certificate');
    expect(expired.status).toBe('fail');
    expect(expired.title).toMatch(/^The certificate expired on \d{4}-\d\d-\d\d$/);
  });

  it('for another planned mail host: the greeting name warns and the certificate name fails', async () => {
    const result = await check(caSigned, { extraCa: [ca.certPem] }, 'smtp.other.test');
    expect(finding(result, 'smtp.banner').status).toBe('warn');
    expect(finding(result, 'smtp.banner').title).toBe(
      `The server calls itself ${HOST}, not smtp.other.test`,
    );
    const cert = finding(result, 'smtp.certificate');
    expect(cert.status).toBe('fail');
    expect(cert.title).toBe(`The certificate is for ${HOST}, not smtp.other.test`);
  });

  it('matches the greeting against the PTR name when it is known', async () => {
    const same = await check(selfSigned, {}, HOST, { '127.0.0.1': [HOST] });
    expect(finding(same, 'smtp.banner').detail).toContain('It matches the PTR of 127.0.0.1.');
    const other = await check(selfSigned, {}, HOST, {
      '127.0.0.1': ['static.1.0.0.127.hoster.example'],
    });
    const banner = finding(other, 'smtp.banner');
    expect(banner.status).toBe('warn');
    expect(banner.fix).toContain('PTR');
  });

  it('on the server itself, an unreachable control MX means outgoing port 25 is blocked there (fail)', async () => {
    const dead = await getFreePort();
    const result = await runGroup(createSmtpGroup({ submissionPorts: false }), {
      plan: { ...PLAN, vpsHost: 'hetzner' },
      addresses: ['127.0.0.1'],
      options: { smtpPort: selfSigned.port, controlMx: `127.0.0.1:${dead}`, timeoutMs: 3000 },
    });
    const network = finding(result, 'smtp.network');
    expect(network.status).toBe('fail');
    expect(network.title).toBe('This server cannot reach other mail servers on port 25');
    expect(network.fix).toMatch(/^The block is at Hetzner/);
    expect(finding(result, 'smtp.banner').status).toBe('pass');
  });

  it('fails smtp.starttls when Postfix has TLS turned off', async () => {
    const result = await check(noTls);
    expect(finding(result, 'smtp.starttls').status).toBe('fail');
    expect(finding(result, 'smtp.certificate').status).toBe('unknown');
  });

  it('reports the mail-app ports (587 STARTTLS, 465, 993, 995) with their certificate names, as info', async () => {
    const implicit = { key: leaf.keyPem, cert: leaf.certPem };
    const smtps = await startTlsFake(
      implicit,
      scriptedSmtp(`220 ${HOST} ESMTP\r\n`, (c) =>
        /^EHLO/i.test(c) ? `250 ${HOST}\r\n` : '221 Bye\r\n',
      ),
    );
    const imaps = await startTlsFake(implicit, (socket) => {
      socket.write('* OK IMAP ready\r\n');
      socket.on('data', () => socket.end('* BYE\r\na1 OK LOGOUT\r\n'));
    });
    const closed = await getFreePort();
    const guard = guardLoopback();
    try {
      const result = await check(caSigned, {
        extraCa: [ca.certPem],
        submissionPorts: { 587: caSigned.port, 465: smtps.port, 993: imaps.port, 995: closed },
      });
      const ports = finding(result, 'submission.ports');
      expect(ports.status).toBe('info');
      expect(ports.title).toBe('Mail apps can use ports 587, 465, 993');
      expect(ports.detail).toContain(
        `587 (sending mail, STARTTLS): open, TLS 1.3, certificate for ${HOST}`,
      );
      expect(ports.detail).toContain(
        `993 (IMAP, reading mail, SSL/TLS): open, TLS 1.3, certificate for ${HOST}`,
      );
      expect(ports.detail).toMatch(/995 \(POP3, .*\): closed$/m);
      const states = ports.evidence?.ports as {
        service: number;
        open: boolean;
        certificateOk?: boolean;
      }[];
      expect(states.map((s) => [s.service, s.open, s.certificateOk])).toEqual([
        [587, true, true],
        [465, true, true],
        [993, true, true],
        [995, false, undefined],
      ]);
      expect(guard.hosts.every((h) => h === '127.0.0.1')).toBe(true);
    } finally {
      guard.restore();
      await Promise.all([smtps.close(), imaps.close()]);
    }
  });
});
