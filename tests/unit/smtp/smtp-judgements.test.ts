import { describe, expect, it } from 'vitest';
import { findingSchema, type Finding } from '../../../shared/checks/finding';
import {
  evaluateSmtp,
  SMTP_CHECKS,
  type SmtpEvaluationInput,
} from '../../../shared/checks/smtp-evaluate';
import { greetingName } from '../../../shared/checks/smtp-greeting-name';
import { runOnServerFix, serverCommand } from '../../../shared/checks/smtp-words';
import { getVpsHost, port25PolicyOf } from '../../../shared/providers/vps-hosts';
import type {
  CertificateObservation,
  ControlObservation,
  SmtpServerObservation,
  SubmissionPortObservation,
} from '../../../shared/checks/smtp-observation';

const HOST = 'mail.example.com';
const IP = '203.0.113.10';
const NOW = '2026-11-22T10:00:00.000Z';
const CONTROL_OK: ControlObservation = {
  status: 'ok',
  target: 'gmail-smtp-in.l.google.com:25',
  address: '192.0.2.99',
  elapsedMs: 40,
  greetingCode: 220,
};
const CONTROL_FAILED: ControlObservation = {
  status: 'failed',
  target: 'gmail-smtp-in.l.google.com:25',
  address: '192.0.2.99',
  elapsedMs: 5000,
  error: { kind: 'timeout', message: 'connection: no answer within 5000 ms' },
};

function certificate(over: Partial<CertificateObservation> = {}): CertificateObservation {
  return {
    subjectCn: HOST,
    subject: `CN=${HOST}`,
    dnsNames: [HOST],
    ipAddresses: [],
    issuer: "C=US, O=Let's Encrypt, CN=R11",
    issuerName: 'R11',
    validFrom: '2026-11-01T00:00:00.000Z',
    validTo: '2027-01-30T00:00:00.000Z',
    selfSigned: false,
    fingerprint256: 'AA:BB',
    chain: [HOST, 'R11'],
    coversHost: { host: HOST, ok: true },
    verification: { trusted: true },
    ...over,
  };
}

/** A conversation where everything worked; tests break one piece. */
function server(over: Partial<SmtpServerObservation> = {}, address = IP): SmtpServerObservation {
  return {
    address,
    family: address.includes(':') ? 6 : 4,
    port: 25,
    mailHost: HOST,
    implicitTls: false,
    startedAt: NOW,
    durationMs: 300,
    connect: { ok: true, elapsedMs: 30, timeoutMs: 5000 },
    greeting: {
      reply: { code: 220, lines: [`${HOST} ESMTP Postfix`] },
      elapsedMs: 40,
      timeoutMs: 30_000,
    },
    ehlo: {
      command: 'EHLO [192.0.2.1]',
      reply: { code: 250, lines: [HOST, 'PIPELINING', 'STARTTLS'] },
      elapsedMs: 30,
      extensions: ['PIPELINING', 'STARTTLS'],
    },
    starttls: {
      command: 'STARTTLS',
      reply: { code: 220, lines: ['2.0.0 Ready to start TLS'] },
      elapsedMs: 30,
    },
    tls: {
      ok: true,
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      servername: HOST,
      elapsedMs: 60,
      certificate: certificate(),
    },
    ehloAfterTls: {
      command: 'EHLO [192.0.2.1]',
      reply: { code: 250, lines: [HOST, 'PIPELINING'] },
      elapsedMs: 30,
      extensions: ['PIPELINING'],
    },
    quit: { command: 'QUIT', reply: { code: 221, lines: ['Bye'] }, elapsedMs: 20 },
    ...over,
  };
}

function evaluate(
  s: SmtpServerObservation,
  input: Partial<SmtpEvaluationInput> = {},
  ptrNames?: string[],
): Finding[] {
  return evaluateSmtp({
    mailHost: HOST,
    control: CONTROL_OK,
    observedAt: NOW,
    addresses: [{ server: s, ...(ptrNames ? { ptrNames } : {}) }],
    ...input,
  });
}

function get(findings: Finding[], check: string): Finding {
  const f = findings.find((x) => x.check === check);
  if (!f) throw new Error(`no ${check}`);
  return f;
}

const refused = {
  ok: false,
  elapsedMs: 1,
  timeoutMs: 5000,
  error: { kind: 'refused' as const, message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
};
const timedOut = {
  ok: false,
  elapsedMs: 5000,
  timeoutMs: 5000,
  error: { kind: 'timeout' as const, message: 'no answer within 5000 ms' },
};
const notConnected = {
  greeting: undefined,
  ehlo: undefined,
  starttls: undefined,
  tls: undefined,
  ehloAfterTls: undefined,
  quit: undefined,
};

describe('evaluateSmtp: a healthy server', () => {
  const findings = evaluate(server(), {}, [HOST]);

  it('passes every SMTP check, one finding per check for the address, all valid findings', () => {
    expect(findings.map((f) => [f.check, f.status, f.subject])).toEqual(
      SMTP_CHECKS.map((c) => [c, 'pass', IP]),
    );
    for (const f of findings) {
      expect(findingSchema.parse(f)).toEqual(f);
      expect(f.fix).toBeUndefined();
    }
  });

  it('says what was seen in plain words', () => {
    const banner = get(findings, 'smtp.banner').detail;
    for (const fact of [IP, `"220 ${HOST} ESMTP Postfix"`, '40 ms', `PTR of ${IP}`])
      expect(banner).toContain(fact);
    expect(get(findings, 'smtp.starttls').title).toContain('TLS 1.3');
    const cert = get(findings, 'smtp.certificate').detail;
    for (const fact of [HOST, '2027-01-30', '68 days', 'R11', 'trusted'])
      expect(cert).toContain(fact);
  });
});

describe('evaluateSmtp: the network', () => {
  it('when the server and the control MX both fail: every SMTP finding is unknown, network explained, server command given', () => {
    const findings = evaluate(server({ connect: timedOut, ...notConnected }), {
      control: CONTROL_FAILED,
      planFile: 'shop.json',
    });
    expect(findings).toHaveLength(6);
    for (const f of findings) {
      expect(f.status).toBe('unknown');
      expect(f.title).toMatch(/could not be checked: this network blocks .*port 25/i);
      expect(f.fix).toContain('`npx mailwright check --plan shop.json`');
      expect(f.fix).toContain(`\`scp shop.json root@${IP}:\``);
      // The other way: an SSH tunnel from here, and the checks through it (--smtp-address).
      expect(f.fix).toContain(
        `\`ssh -N -L 2525:localhost:25 root@${IP}\` in one terminal, then \`npx mailwright check --plan shop.json --smtp-address 127.0.0.1 --smtp-port 2525\` in another.`,
      );
    }
  });

  it('says what the VPS host does about port 25, for someone already running it on the server', () => {
    const blocked = server({ connect: timedOut, ...notConnected });
    const named = get(
      evaluate(blocked, { control: CONTROL_FAILED, vpsHost: 'digitalocean' }),
      'smtp.network',
    );
    const host = getVpsHost('digitalocean');
    expect(named.fix).toContain(
      `If you see this when running the check on the server itself, the block is at ${host.name}`,
    );
    const words = {
      'blocked-no-exceptions': 'relay on port 587',
      'blocked-unblock-on-request': 'until you ask it to open it',
    };
    const policy = port25PolicyOf(host);
    if (policy in words) expect(named.fix).toContain(words[policy as keyof typeof words]);
    const generic = get(evaluate(blocked, { control: CONTROL_FAILED }), 'smtp.network');
    expect(generic.fix).toContain('the block is at your VPS host');
  });

  it('a control MX whose name does not resolve points at being offline', () => {
    const control: ControlObservation = {
      ...CONTROL_FAILED,
      error: { kind: 'dns', message: 'getaddrinfo ENOTFOUND' },
    };
    const findings = evaluate(server({ connect: timedOut, ...notConnected }), { control });
    expect(get(findings, 'smtp.network').title).toBe(
      'Could not be checked: this computer seems to be offline',
    );
  });

  it('when only the server fails: the network passes and the server-side checklist is the fix', () => {
    const findings = evaluate(server({ connect: timedOut, ...notConnected }));
    expect(get(findings, 'smtp.network').status).toBe('pass');
    const reachable = get(findings, 'smtp.reachable');
    expect(reachable.status).toBe('fail');
    expect(reachable.title).toBe('Port 25 does not answer');
    expect(reachable.detail).toContain('while a well-known mail server did');
    expect(reachable.fix).toContain('ufw allow 25/tcp');
    expect(reachable.fix).toContain("VPS host's firewall");
    expect(get(findings, 'smtp.banner').status).toBe('unknown');
  });

  it('a timeout with the control check off is unknown, not fail', () => {
    const findings = evaluate(server({ connect: timedOut, ...notConnected }), {
      control: { status: 'skipped' },
    });
    expect(get(findings, 'smtp.network').status).toBe('info');
    expect(get(findings, 'smtp.reachable').status).toBe('unknown');
  });

  it('a refused connection fails even with the control check off, and says the network could also be the cause', () => {
    const findings = evaluate(server({ connect: refused, ...notConnected }), {
      control: { status: 'skipped' },
    });
    const reachable = get(findings, 'smtp.reachable');
    expect(reachable.status).toBe('fail');
    expect(reachable.detail).toContain('turned off');
  });

  it('an IPv6 address from a computer without IPv6 is unknown for that reason', () => {
    const noRoute = {
      ok: false,
      elapsedMs: 1,
      timeoutMs: 5000,
      error: { kind: 'no-route' as const, message: 'connect ENETUNREACH', code: 'ENETUNREACH' },
    };
    const findings = evaluate(server({ connect: noRoute, ...notConnected }, '2001:db8::25'));
    for (const f of findings) {
      expect(f.status).toBe('unknown');
      expect(f.title).toBe('Could not be checked: this computer has no IPv6 connection');
      expect(f.subject).toBe('2001:db8::25');
    }
  });
});

describe('evaluateSmtp: greeting', () => {
  it('a 220 without a name warns', () => {
    const f = get(
      evaluate(
        server({
          greeting: {
            reply: { code: 220, lines: ['ESMTP ready'] },
            elapsedMs: 10,
            timeoutMs: 30_000,
          },
        }),
      ),
      'smtp.banner',
    );
    expect(f.status).toBe('warn');
    expect(f.title).toBe('The greeting does not name the server');
  });

  it('the mail host name with a different PTR warns with the PTR request as fix', () => {
    const f = get(evaluate(server(), {}, ['static.10.113.0.203.hoster.example']), 'smtp.banner');
    expect(f.status).toBe('warn');
    expect(f.fix).toContain(`set the PTR (reverse DNS) of ${IP} to ${HOST}`);
  });

  it('a very slow greeting warns; a slow one is only mentioned', () => {
    const slow = (ms: number) =>
      server({
        greeting: { reply: { code: 220, lines: [HOST] }, elapsedMs: ms, timeoutMs: 30_000 },
      });
    const mentioned = get(evaluate(slow(6000)), 'smtp.banner');
    expect(mentioned.status).toBe('pass');
    expect(mentioned.detail).toContain('It took 6 s to greet');
    expect(get(evaluate(slow(25_000)), 'smtp.banner').status).toBe('warn');
  });

  it('text that is not SMTP says another program answers', () => {
    const f = get(
      evaluate(
        server({
          greeting: {
            elapsedMs: 5,
            timeoutMs: 30_000,
            error: { kind: 'protocol', message: 'not an SMTP reply: "HTTP/1.1 400"' },
          },
        }),
      ),
      'smtp.banner',
    );
    expect(f.status).toBe('fail');
    expect(f.title).toBe('Something other than a mail server answers on port 25');
  });

  it('reads the name from the first word of the greeting', () => {
    expect(greetingName({ code: 220, lines: ['Mail.Example.COM. ESMTP'] })).toBe(
      'mail.example.com',
    );
    expect(greetingName({ code: 220, lines: ['[192.0.2.1] ready'] })).toBe('[192.0.2.1]');
    expect(greetingName({ code: 220, lines: ['ESMTP'] })).toBeUndefined();
  });
});

describe('evaluateSmtp: EHLO and STARTTLS', () => {
  it('a rejected EHLO fails and STARTTLS is then unknown', () => {
    const findings = evaluate(
      server({
        ehlo: {
          command: 'EHLO [192.0.2.1]',
          reply: { code: 550, lines: ['5.7.1 go away'] },
          elapsedMs: 5,
          extensions: [],
        },
        starttls: undefined,
        tls: undefined,
      }),
    );
    expect(get(findings, 'smtp.ehlo').status).toBe('fail');
    expect(get(findings, 'smtp.ehlo').fix).toContain('smtpd_helo_restrictions');
    expect(get(findings, 'smtp.starttls').status).toBe('unknown');
    expect(get(findings, 'smtp.certificate').status).toBe('unknown');
  });

  it('TLS 1.0 fails as outdated', () => {
    const f = get(
      evaluate(
        server({
          tls: {
            ok: true,
            protocol: 'TLSv1',
            servername: HOST,
            elapsedMs: 5,
            certificate: certificate(),
          },
        }),
      ),
      'smtp.starttls',
    );
    expect(f.status).toBe('fail');
    expect(f.title).toBe('The server encrypts with outdated TLS 1.0');
  });

  it('TLS 1.2 passes', () => {
    expect(
      get(
        evaluate(
          server({
            tls: {
              ok: true,
              protocol: 'TLSv1.2',
              servername: HOST,
              elapsedMs: 5,
              certificate: certificate(),
            },
          }),
        ),
        'smtp.starttls',
      ).status,
    ).toBe('pass');
  });

  it('no EHLO answer inside TLS warns', () => {
    const f = get(
      evaluate(
        server({
          ehloAfterTls: {
            command: 'EHLO x',
            elapsedMs: 5000,
            extensions: [],
            error: { kind: 'timeout', message: 'no answer' },
          },
        }),
      ),
      'smtp.starttls',
    );
    expect(f.status).toBe('warn');
  });
});

describe('evaluateSmtp: certificate', () => {
  const withCert = (over: Partial<CertificateObservation>) =>
    get(
      evaluate(
        server({
          tls: {
            ok: true,
            protocol: 'TLSv1.3',
            servername: HOST,
            elapsedMs: 5,
            certificate: certificate(over),
          },
        }),
      ),
      'smtp.certificate',
    );

  it('expired fails, not yet valid fails, under 14 days warns', () => {
    expect(
      withCert({
        validTo: '2026-11-01T00:00:00.000Z',
        verification: { trusted: false, code: 'CERT_HAS_EXPIRED' },
      }),
    ).toMatchObject({
      status: 'fail',
      title: 'The certificate expired on 2026-11-01',
    });
    expect(withCert({ validFrom: '2026-12-01T00:00:00.000Z' }).status).toBe('fail');
    expect(withCert({ validTo: '2026-12-02T09:00:00.000Z' })).toMatchObject({
      status: 'warn',
      title: 'The certificate expires in 9 days',
    });
    expect(withCert({ validTo: '2026-12-07T00:00:00.000Z' }).status).toBe('pass');
  });

  it('self-signed warns with Let’s Encrypt as the fix; a missing intermediate asks for fullchain.pem', () => {
    const self = withCert({
      selfSigned: true,
      issuer: `CN=${HOST}`,
      verification: { trusted: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    expect(self).toMatchObject({ status: 'warn', title: 'The certificate is self-signed' });
    expect(self.fix).toContain("Let's Encrypt");
    const chain = withCert({
      verification: { trusted: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    });
    expect(chain.status).toBe('warn');
    expect(chain.fix).toContain('fullchain.pem');
  });

  it('a wrong name fails and leads even when it is also self-signed', () => {
    const f = withCert({
      dnsNames: ['vps-1234.hoster.example'],
      coversHost: { host: HOST, ok: false, reason: 'not in the cert' },
      selfSigned: true,
      verification: { trusted: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    expect(f.status).toBe('fail');
    expect(f.title).toBe(`The certificate is for vps-1234.hoster.example, not ${HOST}`);
    expect(f.detail).toContain('The certificate is self-signed');
  });
});

describe('evaluateSmtp: submission.ports', () => {
  const open = (
    service: 587 | 465 | 993 | 995,
    protocol: SubmissionPortObservation['protocol'],
  ): SubmissionPortObservation => ({
    service,
    port: service,
    protocol,
    connect: { ok: true, elapsedMs: 5 },
    greeting: '220 mail.example.com ESMTP',
    tls: {
      ok: true,
      protocol: 'TLSv1.3',
      servername: HOST,
      elapsedMs: 5,
      certificate: certificate(),
    },
  });
  const closed = (
    service: 587 | 465 | 993 | 995,
    protocol: SubmissionPortObservation['protocol'],
  ): SubmissionPortObservation => ({
    service,
    port: service,
    protocol,
    connect: { ok: false, elapsedMs: 1, error: { kind: 'refused', message: 'ECONNREFUSED' } },
    error: { kind: 'refused', message: 'ECONNREFUSED' },
  });

  it('is info, lists each port with its certificate name', () => {
    const findings = evaluateSmtp({
      mailHost: HOST,
      control: CONTROL_OK,
      observedAt: NOW,
      addresses: [
        {
          server: server(),
          submission: [
            open(587, 'smtp-starttls'),
            closed(465, 'smtp-tls'),
            open(993, 'imap-tls'),
            closed(995, 'pop3-tls'),
          ],
        },
      ],
    });
    const f = get(findings, 'submission.ports');
    expect(f.status).toBe('info');
    expect(f.title).toBe('Mail apps can use ports 587, 993');
    expect(f.detail).toContain(
      `- 587 (sending mail, STARTTLS): open, TLS 1.3, certificate for ${HOST}`,
    );
    expect(f.detail).toContain('- 465 (sending mail, SSL/TLS): closed');
  });

  it('says so when none answer', () => {
    const findings = evaluateSmtp({
      mailHost: HOST,
      control: CONTROL_OK,
      observedAt: NOW,
      addresses: [
        { server: server(), submission: [closed(587, 'smtp-starttls'), closed(993, 'imap-tls')] },
      ],
    });
    expect(get(findings, 'submission.ports')).toMatchObject({
      status: 'info',
      title: 'No ports for mail apps answer',
    });
  });
});

describe('the "run it on the server" command', () => {
  it('copies the file as given and runs it by its name in the home folder', () => {
    expect(runOnServerFix('/home/me/plans/shop.json', IP)).toContain(
      `\`scp /home/me/plans/shop.json root@${IP}:\``,
    );
    expect(serverCommand('/home/me/plans/shop.json')).toBe('npx mailwright check --plan shop.json');
    expect(serverCommand('C:\\Users\\me\\my plan.json')).toBe(
      "npx mailwright check --plan 'my plan.json'",
    );
    expect(runOnServerFix('plan.json', '2001:db8::25')).toContain('root@[2001:db8::25]:');
  });
});

describe('smtp.network on the mail server itself', () => {
  const onServer = (control: ControlObservation) =>
    get(
      evaluate(
        server({ connect: { ok: true, elapsedMs: 1, timeoutMs: 5000, fromSameMachine: true } }),
        {
          control,
          vpsHost: 'digitalocean',
        },
      ),
      'smtp.network',
    );

  it('fails when the control MX cannot be reached: the server cannot deliver mail', () => {
    const f = onServer(CONTROL_FAILED);
    expect(f.status).toBe('fail');
    expect(f.title).toBe('This server cannot reach other mail servers on port 25');
    expect(f.fix).toContain(`The block is at ${getVpsHost('digitalocean').name}`);
  });

  it('passes when the control MX answers', () => {
    expect(onServer(CONTROL_OK).status).toBe('pass');
  });
});

describe('smtp.network when only the control MX fails', () => {
  it('warns: a fluke, or the mail server behind NAT with port 25 blocked', () => {
    const f = get(evaluate(server(), { control: CONTROL_FAILED }), 'smtp.network');
    expect(f.status).toBe('warn');
    expect(f.title).toBe('Your server answered, but a well-known mail server did not');
    expect(f.fix).toContain('If this computer is your mail server, the block is at your VPS host');
  });
});
