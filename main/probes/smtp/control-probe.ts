import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ControlObservation, SmtpError } from '../../../shared/checks/smtp-observation';
import { formatHostPort, parseHostPort } from './host-port';
import { SmtpChannel } from './smtp-channel';
import { abortedError, smtpErrorFrom, timeoutError } from './socket-errors';
import { tcpConnect } from './tcp-connect';

/**
 * The control MX: a big provider's inbound server that always listens on port 25. If this computer
 * cannot reach it either, the network (not the user's server) is what blocks port 25.
 */
export const DEFAULT_CONTROL_MX = 'gmail-smtp-in.l.google.com:25';

/** How to run the control probe. */
export interface ControlProbeOptions {
  /** "HOST[:PORT]", or "none" to skip. Default DEFAULT_CONTROL_MX. */
  target?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

async function resolveHost(
  host: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ address: string; error?: undefined } | { address?: undefined; error: SmtpError }> {
  if (isIP(host)) return { address: host };
  if (signal?.aborted) return { error: abortedError() };
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    // getaddrinfo cannot be cancelled; racing it keeps the probe inside its time limit.
    return await Promise.race([
      lookup(host, { family: 4 }).then(
        (r) => ({ address: r.address }),
        (error: unknown) => ({ error: smtpErrorFrom(error, 'dns') }),
      ),
      new Promise<{ error: SmtpError }>((resolve) => {
        timer = setTimeout(
          () => resolve({ error: timeoutError(`looking up ${host}`, timeoutMs) }),
          timeoutMs,
        );
        onAbort = () => resolve({ error: abortedError() });
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Connect to the control MX on port 25 (or as configured): does this network let port 25 out?
 * An accepted connection is enough; its greeting is read briefly and it is left with QUIT.
 */
export async function probeControlMx(options: ControlProbeOptions): Promise<ControlObservation> {
  const text = options.target ?? DEFAULT_CONTROL_MX;
  if (text.trim().toLowerCase() === 'none') return { status: 'skipped' };
  const target = parseHostPort(text, 25);
  if (!target) {
    return {
      status: 'failed',
      target: text,
      elapsedMs: 0,
      error: { kind: 'error', message: `"${text}" is not HOST[:PORT]` },
    };
  }
  const label = formatHostPort(target);
  const start = performance.now();
  const elapsed = (): number => Math.round(performance.now() - start);

  const resolved = await resolveHost(target.host, options.timeoutMs, options.signal);
  if (resolved.error)
    return { status: 'failed', target: label, elapsedMs: elapsed(), error: resolved.error };
  const address = resolved.address;

  const connected = await tcpConnect(address, target.port, options.timeoutMs, options.signal);
  if (!connected.socket)
    return {
      status: 'failed',
      target: label,
      address,
      elapsedMs: elapsed(),
      error: connected.error,
    };
  const elapsedMs = elapsed();
  const channel = new SmtpChannel(connected.socket);
  try {
    const greeting = await channel.read(
      Math.min(options.timeoutMs, 5000),
      'greeting',
      options.signal,
    );
    if (greeting.reply) await channel.command('QUIT', 1000, options.signal);
    return {
      status: 'ok',
      target: label,
      address,
      elapsedMs,
      ...(greeting.reply ? { greetingCode: greeting.reply.code } : {}),
    };
  } finally {
    channel.destroy();
  }
}
