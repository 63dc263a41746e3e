import { describe, expect, it } from 'vitest';
import { findingSchema, type Finding } from '../../../shared/checks/finding';
import { evaluateSmtp, SMTP_CHECKS } from '../../../shared/checks/smtp-evaluate';
import { submissionNotThroughOverride, throughLabel } from '../../../shared/checks/smtp-override';
import type { SmtpServerObservation } from '../../../shared/checks/smtp-observation';

// Judgements of a conversation held through --smtp-address: the server observation is what the
// stand-in (127.0.0.1:2525, an SSH tunnel's end) said; the findings are about the planned address.

const HOST = 'mail.example.com';
const PLANNED = '192.0.2.10';
const NOW = '2026-11-22T10:00:00.000Z';
const STAND_IN = '127.0.0.1:2525';

/** The facts every finding made through the stand-in says: where it connected, for which address. */
function expectThrough(f: Finding, standsFor: string): void {
  expect(f.detail, f.check).toContain(STAND_IN);
  expect(f.detail, f.check).toContain(standsFor);
}

/** What a healthy mail server says through a tunnel on 127.0.0.1:2525. */
function throughTunnel(over: Partial<SmtpServerObservation> = {}): SmtpServerObservation {
  return {
    address: '127.0.0.1',
    family: 4,
    port: 2525,
    mailHost: HOST,
    implicitTls: false,
    startedAt: NOW,
    durationMs: 80,
    connect: { ok: true, elapsedMs: 1, timeoutMs: 5000, fromSameMachine: true },
    greeting: {
      reply: { code: 220, lines: [`${HOST} ESMTP Postfix`] },
      elapsedMs: 3,
      timeoutMs: 30_000,
    },
    ehlo: {
      command: 'EHLO [127.0.0.1]',
      reply: { code: 250, lines: [HOST, 'PIPELINING', 'STARTTLS'] },
      elapsedMs: 2,
      extensions: ['PIPELINING', 'STARTTLS'],
    },
    starttls: {
      command: 'STARTTLS',
      reply: { code: 220, lines: ['2.0.0 Ready to start TLS'] },
      elapsedMs: 2,
    },
    tls: {
      ok: true,
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      servername: HOST,
      elapsedMs: 20,
      certificate: {
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
      },
    },
    ehloAfterTls: {
      command: 'EHLO [127.0.0.1]',
      reply: { code: 250, lines: [HOST, 'PIPELINING'] },
      elapsedMs: 2,
      extensions: ['PIPELINING'],
    },
    quit: { command: 'QUIT', reply: { code: 221, lines: ['Bye'] }, elapsedMs: 1 },
    ...over,
  };
}

function judge(
  server: SmtpServerObservation,
  standsFor = PLANNED,
  ptrNames: string[] = [HOST],
): Finding[] {
  return evaluateSmtp({
    mailHost: HOST,
    control: { status: 'skipped' },
    observedAt: NOW,
    copyTo: PLANNED,
    addresses: [{ server, standsFor, ptrNames }],
  });
}

function get(findings: Finding[], check: string): Finding {
  const f = findings.find((x) => x.check === check);
  if (!f) throw new Error(`no ${check}`);
  return f;
}

const statuses = (findings: Finding[]) =>
  Object.fromEntries(findings.map((f) => [f.check, f.status]));

describe('SMTP findings checked through --smtp-address', () => {
  it('judge the greeting, EHLO, STARTTLS and certificate against the mail host; the rest is info', () => {
    const findings = judge(throughTunnel());
    expect(findings.map((f) => f.check)).toEqual([...SMTP_CHECKS]);
    expect(statuses(findings)).toEqual({
      'smtp.network': 'info',
      'smtp.reachable': 'info',
      'smtp.banner': 'pass',
      'smtp.ehlo': 'pass',
      'smtp.starttls': 'pass',
      'smtp.certificate': 'pass',
    });
    for (const f of findings) {
      expect(findingSchema.parse(f)).toEqual(f);
      expect(f.subject).toBe(PLANNED);
      expectThrough(f, PLANNED);
      expect(f.evidence?.['checkedThrough']).toEqual({
        address: '127.0.0.1',
        port: 2525,
        option: '--smtp-address',
      });
    }
  });

  it('say what was and was not looked at, in plain words', () => {
    const findings = judge(throughTunnel());
    const banner = get(findings, 'smtp.banner').detail;
    for (const fact of [`220 ${HOST} ESMTP Postfix`, '3 ms', `PTR of ${PLANNED}`])
      expect(banner).toContain(fact);
    expect(banner).not.toMatch(/does not match/);
    expect(get(findings, 'smtp.network').title).toMatch(/not checked.*port 25/i);
    const reachable = get(findings, 'smtp.reachable');
    expect(reachable.title).toMatch(/not checked/i);
    expect(reachable.title).toContain(STAND_IN);
    expect(reachable.detail).toContain(`${PLANNED} on port 25`);
    expect(reachable.detail).toContain('not checked');
  });

  it('compare the greeting with the PTR of the planned address, not of the stand-in', () => {
    const banner = get(
      judge(throughTunnel(), PLANNED, ['static.10.2.0.192.example.net']),
      'smtp.banner',
    );
    expect(banner.status).toBe('warn');
    for (const fact of [HOST, PLANNED, 'static.10.2.0.192.example.net'])
      expect(banner.title).toContain(fact);
    expect(banner.fix).toContain(`set the PTR (reverse DNS) of ${PLANNED} to ${HOST}`);
  });

  it('still fail a certificate that does not cover the mail host', () => {
    const wrong = throughTunnel();
    wrong.tls!.certificate = {
      ...wrong.tls!.certificate!,
      subjectCn: 'localhost',
      subject: 'CN=localhost',
      dnsNames: ['localhost'],
      coversHost: {
        host: HOST,
        ok: false,
        reason: "Host: mail.example.com. is not in the cert's altnames",
      },
    };
    const cert = get(judge(wrong), 'smtp.certificate');
    expect(cert.status).toBe('fail');
    expect(cert.subject).toBe(PLANNED);
    expectThrough(cert, PLANNED);
  });

  it('are unknown, never fail, when nothing answers at the stand-in (a tunnel that is down)', () => {
    const findings = judge(
      throughTunnel({
        connect: {
          ok: false,
          elapsedMs: 1,
          timeoutMs: 5000,
          error: {
            kind: 'refused',
            message: 'connect ECONNREFUSED 127.0.0.1:2525',
            code: 'ECONNREFUSED',
          },
        },
        greeting: undefined,
        ehlo: undefined,
        starttls: undefined,
        tls: undefined,
        ehloAfterTls: undefined,
        quit: undefined,
      }),
    );
    expect(statuses(findings)).toEqual({
      'smtp.network': 'info',
      'smtp.reachable': 'unknown',
      'smtp.banner': 'unknown',
      'smtp.ehlo': 'unknown',
      'smtp.starttls': 'unknown',
      'smtp.certificate': 'unknown',
    });
    const reachable = get(findings, 'smtp.reachable');
    expect(reachable.title).toMatch(/could not be checked/i);
    expect(reachable.title).toContain(STAND_IN);
    expect(reachable.fix).toContain('ssh -N -L 2525:localhost:25 root@192.0.2.10');
  });

  it('are unknown when the stand-in hangs up before greeting (a tunnel whose far end is closed)', () => {
    const banner = get(
      judge(
        throughTunnel({
          greeting: {
            elapsedMs: 4,
            timeoutMs: 30_000,
            error: { kind: 'closed', message: 'the server closed the connection' },
          },
          ehlo: undefined,
          starttls: undefined,
          tls: undefined,
          ehloAfterTls: undefined,
          quit: undefined,
        }),
      ),
      'smtp.banner',
    );
    expect(banner.status).toBe('unknown');
    expect(banner.title).toMatch(/could not be checked.*closed before a greeting/i);
    expect(banner.title).toContain(STAND_IN);
    expect(banner.fix).toContain("ss -ltn 'sport = :25'");
  });

  it('are about the mail host name when it has no address yet', () => {
    const findings = judge(throughTunnel(), HOST, []);
    expect(findings.every((f) => f.subject === HOST)).toBe(true);
    expect(get(findings, 'smtp.banner').status).toBe('pass');
    expectThrough(get(findings, 'smtp.banner'), HOST);
  });

  it('say the mail-app ports were not checked (info), and name IPv6 stand-ins in brackets', () => {
    expect(throughLabel('::1', 2525)).toBe('[::1]:2525');
    const f = submissionNotThroughOverride(PLANNED, '127.0.0.1:2525');
    expect(f).toMatchObject({ check: 'submission.ports', subject: PLANNED, status: 'info' });
    expect(f.title).toMatch(/not checked/i);
    expect(f.detail).toContain(STAND_IN);
    expect(f.detail).toContain(`ports 587, 465, 993 and 995 of ${PLANNED}`);
  });
});
