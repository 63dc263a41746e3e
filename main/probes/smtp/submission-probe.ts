import type {
  SubmissionPortObservation,
  SubmissionProtocol,
} from '../../../shared/checks/smtp-observation';
import { readFirstLine } from './first-line';
import { probeSmtpServer } from './smtp-conversation';
import type { SmtpTimeouts } from './smtp-timeouts';
import { tcpConnect } from './tcp-connect';
import { startTls } from './tls-start';

/** The mail-app ports, with what each speaks. */
export const SUBMISSION_SERVICES = [
  { service: 587, protocol: 'smtp-starttls' },
  { service: 465, protocol: 'smtp-tls' },
  { service: 993, protocol: 'imap-tls' },
  { service: 995, protocol: 'pop3-tls' },
] as const satisfies readonly {
  service: SubmissionPortObservation['service'];
  protocol: SubmissionProtocol;
}[];

/** A mail-app port number. */
export type SubmissionService = (typeof SUBMISSION_SERVICES)[number]['service'];

/** How to probe the mail-app ports of one address. */
export interface SubmissionProbeOptions {
  address: string;
  mailHost: string;
  timeouts: SmtpTimeouts;
  /** Where each service really listens (tests map 587 to a free port); the well-known port by default. */
  ports?: Partial<Record<SubmissionService, number>>;
  /** Which services to probe; all four by default. */
  services?: readonly SubmissionService[];
  extraCa?: readonly string[];
  signal?: AbortSignal;
}

/** 587 or 465: the SMTP conversation up to EHLO (after STARTTLS on 587), read as a port's answer. */
async function probeSmtpPort(
  options: SubmissionProbeOptions,
  service: 587 | 465,
  port: number,
): Promise<SubmissionPortObservation> {
  const protocol = service === 465 ? 'smtp-tls' : 'smtp-starttls';
  const seen = await probeSmtpServer({
    address: options.address,
    port,
    mailHost: options.mailHost,
    // Submission servers greet at once; only port 25 gets the long patience.
    timeouts: { ...options.timeouts, greetingMs: options.timeouts.commandMs },
    implicitTls: service === 465,
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const reply = seen.greeting?.reply;
  const error =
    seen.connect.error ??
    (seen.tls && !seen.tls.ok ? seen.tls.error : undefined) ??
    seen.greeting?.error ??
    seen.starttls?.error;
  return {
    service,
    port,
    protocol,
    connect: {
      ok: seen.connect.ok,
      elapsedMs: seen.connect.elapsedMs,
      ...(seen.connect.error ? { error: seen.connect.error } : {}),
    },
    ...(reply ? { greeting: `${reply.code} ${reply.lines[0] ?? ''}`.trim() } : {}),
    ...(seen.tls ? { tls: seen.tls } : {}),
    ...(error ? { error } : {}),
  };
}

/** 993 or 995: TLS at once, then the server's first line (IMAP or POP3 greeting), then goodbye. */
async function probeTlsPort(
  options: SubmissionProbeOptions,
  service: 993 | 995,
  port: number,
): Promise<SubmissionPortObservation> {
  const protocol = service === 993 ? 'imap-tls' : 'pop3-tls';
  const connected = await tcpConnect(
    options.address,
    port,
    options.timeouts.connectMs,
    options.signal,
  );
  const connect = {
    ok: !!connected.socket,
    elapsedMs: connected.elapsedMs,
    ...(connected.error ? { error: connected.error } : {}),
  };
  const seen = (more: Partial<SubmissionPortObservation>): SubmissionPortObservation => ({
    service,
    port,
    protocol,
    connect,
    ...more,
  });
  if (!connected.socket) return seen(connected.error ? { error: connected.error } : {});
  const tls = await startTls(connected.socket, {
    servername: options.mailHost,
    timeoutMs: options.timeouts.tlsMs,
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const error = tls.observation.error;
  if (!tls.socket) return seen({ tls: tls.observation, ...(error ? { error } : {}) });
  try {
    const first = await readFirstLine(tls.socket, options.timeouts.commandMs, options.signal);
    tls.socket.write(service === 993 ? 'a1 LOGOUT\r\n' : 'QUIT\r\n');
    return seen({
      tls: tls.observation,
      ...(first.line !== undefined ? { greeting: first.line } : { error: first.error }),
    });
  } finally {
    tls.socket.destroy();
  }
}

/**
 * Probe the mail-app ports of one address: 587 (STARTTLS), 465 (TLS), 993 (IMAPS) and 995 (POP3S).
 * Each says whether it accepts connections, what it greets with, and its certificate. Never throws.
 */
export function probeSubmissionPorts(
  options: SubmissionProbeOptions,
): Promise<SubmissionPortObservation[]> {
  const wanted = options.services ?? SUBMISSION_SERVICES.map((s) => s.service);
  return Promise.all(
    SUBMISSION_SERVICES.filter((s) => wanted.includes(s.service)).map(({ service }) => {
      const port = options.ports?.[service] ?? service;
      return service === 587 || service === 465
        ? probeSmtpPort(options, service, port)
        : probeTlsPort(options, service, port);
    }),
  );
}
