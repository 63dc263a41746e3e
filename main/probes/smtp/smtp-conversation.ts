import { isIP } from 'node:net';
import type {
  EhloExchange,
  SmtpExchange,
  SmtpServerObservation,
} from '../../../shared/checks/smtp-observation';
import { ehloExtensions } from './ehlo-extensions';
import { ehloAddressLiteral } from './ehlo-name';
import { SmtpChannel } from './smtp-channel';
import type { SmtpTimeouts } from './smtp-timeouts';
import { tcpConnect } from './tcp-connect';
import { startTls } from './tls-start';

/** What to probe and how. */
export interface SmtpProbeOptions {
  /** An IP literal: each address of the mail host is probed on its own. */
  address: string;
  port: number;
  /** The mail host name: SNI, and the name the certificate should cover. */
  mailHost: string;
  timeouts: SmtpTimeouts;
  /** TLS from the first byte (port 465) instead of STARTTLS. */
  implicitTls?: boolean;
  /** The EHLO name; the address literal of our end of the connection by default. */
  ehloName?: string;
  /** Extra trusted CAs (PEM), for tests and private setups. */
  extraCa?: readonly string[];
  signal?: AbortSignal;
  /** Told while the probe waits on something slow (the greeting). */
  onNote?: (message: string) => void;
  /** How long the greeting may take before onNote is told (default 3 s). */
  noteAfterMs?: number;
}

function since(start: number): number {
  return Math.round(performance.now() - start);
}

async function exchange(
  channel: SmtpChannel,
  command: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<SmtpExchange> {
  const start = performance.now();
  const result = await channel.command(command, timeoutMs, signal);
  return result.reply
    ? { command, reply: result.reply, elapsedMs: since(start) }
    : { command, elapsedMs: since(start), error: result.error };
}

async function ehlo(
  channel: SmtpChannel,
  name: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<EhloExchange> {
  const step = await exchange(channel, `EHLO ${name}`, timeoutMs, signal);
  return { ...step, extensions: ehloExtensions(step.reply) };
}

/**
 * Talk to one address of the mail host the way a sending server would, up to the point where
 * mail would start: connect, greeting, EHLO, STARTTLS, handshake, certificate, EHLO again, QUIT.
 * It never sends MAIL FROM. It never throws: every failure is recorded in the observation, and
 * the conversation stops at the first step that failed.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export async function probeSmtpServer(options: SmtpProbeOptions): Promise<SmtpServerObservation> {
  const { address, port, mailHost, timeouts, signal } = options;
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const observation: SmtpServerObservation = {
    address,
    family: isIP(address) === 6 ? 6 : 4,
    port,
    mailHost,
    implicitTls: options.implicitTls ?? false,
    startedAt,
    durationMs: 0,
    connect: { ok: false, elapsedMs: 0, timeoutMs: timeouts.connectMs },
  };
  const done = (): SmtpServerObservation => {
    observation.durationMs = since(start);
    return observation;
  };

  const connected = await tcpConnect(address, port, timeouts.connectMs, signal);
  if (!connected.socket) {
    observation.connect = {
      ...observation.connect,
      elapsedMs: connected.elapsedMs,
      error: connected.error,
    };
    return done();
  }
  const local = connected.socket.localAddress?.replace(/^::ffff:(?=\d+\.)/, '');
  observation.connect = {
    ...observation.connect,
    ok: true,
    elapsedMs: connected.elapsedMs,
    fromSameMachine: local === address,
  };
  const ehloName = options.ehloName ?? ehloAddressLiteral(connected.socket.localAddress);

  let socket = connected.socket;
  if (options.implicitTls) {
    const tls = await startTls(socket, {
      servername: mailHost,
      timeoutMs: timeouts.tlsMs,
      ...(options.extraCa ? { extraCa: options.extraCa } : {}),
      ...(signal ? { signal } : {}),
    });
    observation.tls = tls.observation;
    if (!tls.socket) return done();
    socket = tls.socket;
  }

  let channel = new SmtpChannel(socket);
  try {
    const greetStart = performance.now();
    const noteTimer = setTimeout(
      () =>
        options.onNote?.(
          `Waiting for the greeting of ${address} port ${port}: some servers wait on purpose before they greet (up to ${Math.round(timeouts.greetingMs / 1000)} s)...`,
        ),
      options.noteAfterMs ?? 3000,
    );
    const greeting = await channel.read(timeouts.greetingMs, 'greeting', signal);
    clearTimeout(noteTimer);
    observation.greeting = {
      elapsedMs: since(greetStart),
      timeoutMs: timeouts.greetingMs,
      ...(greeting.reply ? { reply: greeting.reply } : { error: greeting.error }),
    };
    if (greeting.reply?.code !== 220) {
      // A 421/554 greeting expects QUIT; a silent or broken connection gets nothing more.
      if (greeting.reply)
        observation.quit = await exchange(channel, 'QUIT', timeouts.commandMs, signal);
      return done();
    }

    observation.ehlo = await ehlo(channel, ehloName, timeouts.commandMs, signal);
    if (observation.ehlo.reply?.code !== 250) {
      if (observation.ehlo.reply)
        observation.quit = await exchange(channel, 'QUIT', timeouts.commandMs, signal);
      return done();
    }

    if (
      !options.implicitTls &&
      observation.ehlo.extensions.some((e) => e.split(' ')[0] === 'STARTTLS')
    ) {
      observation.starttls = await exchange(channel, 'STARTTLS', timeouts.commandMs, signal);
      if (observation.starttls.reply?.code !== 220) {
        if (observation.starttls.reply)
          observation.quit = await exchange(channel, 'QUIT', timeouts.commandMs, signal);
        return done();
      }
      observation.bytesBeforeTls = channel.release();
      const tls = await startTls(socket, {
        servername: mailHost,
        timeoutMs: timeouts.tlsMs,
        ...(options.extraCa ? { extraCa: options.extraCa } : {}),
        ...(signal ? { signal } : {}),
      });
      observation.tls = tls.observation;
      if (!tls.socket) return done();
      socket = tls.socket;
      channel = new SmtpChannel(socket);
      observation.ehloAfterTls = await ehlo(channel, ehloName, timeouts.commandMs, signal);
    }

    observation.quit = await exchange(channel, 'QUIT', timeouts.commandMs, signal);
    return done();
  } finally {
    channel.destroy();
    socket.destroy();
  }
}
