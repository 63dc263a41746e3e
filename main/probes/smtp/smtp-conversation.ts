import { isIP, type Socket } from 'node:net';
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

/** One conversation under way: the options, what has been seen so far, the channel it talks on. */
interface Conversation {
  options: SmtpProbeOptions;
  observation: SmtpServerObservation;
  channel: SmtpChannel;
}

/** A command on the conversation's channel, with the command timeout. */
function say(c: Conversation, command: string): Promise<SmtpExchange> {
  return exchange(c.channel, command, c.options.timeouts.commandMs, c.options.signal);
}

/**
 * Whether the step was accepted (`code`); if not, QUIT is sent when the server answered at all (a
 * 421/554 expects QUIT; a silent or broken connection gets nothing more).
 */
async function accepted(c: Conversation, step: SmtpExchange, code: number): Promise<boolean> {
  if (step.reply?.code === code) return true;
  if (step.reply) c.observation.quit = await say(c, 'QUIT');
  return false;
}

/** The TLS handshake with the mail host's name, the TLS timeout and the extra CAs. */
function handshake(socket: Socket, options: SmtpProbeOptions): ReturnType<typeof startTls> {
  return startTls(socket, {
    servername: options.mailHost,
    timeoutMs: options.timeouts.tlsMs,
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Waits for the greeting, telling onNote when it is slow (some servers wait on purpose). */
async function readGreeting(c: Conversation): Promise<SmtpExchange['reply']> {
  const { address, port, timeouts, signal } = c.options;
  const greetStart = performance.now();
  const noteTimer = setTimeout(
    () =>
      c.options.onNote?.(
        `Waiting for the greeting of ${address} port ${port}: some servers wait on purpose before they greet (up to ${Math.round(timeouts.greetingMs / 1000)} s)...`,
      ),
    c.options.noteAfterMs ?? 3000,
  );
  const greeting = await c.channel.read(timeouts.greetingMs, 'greeting', signal);
  clearTimeout(noteTimer);
  c.observation.greeting = {
    elapsedMs: since(greetStart),
    timeoutMs: timeouts.greetingMs,
    ...(greeting.reply ? { reply: greeting.reply } : { error: greeting.error }),
  };
  return greeting.reply;
}

/**
 * STARTTLS, the handshake and EHLO again over TLS; the bytes the server sent before the
 * handshake are recorded. Returns the TLS socket, or undefined when the upgrade stopped.
 */
async function upgrade(
  c: Conversation,
  socket: Socket,
  ehloName: string,
): Promise<Socket | undefined> {
  const { observation: o, options } = c;
  o.starttls = await say(c, 'STARTTLS');
  if (!(await accepted(c, o.starttls, 220))) return undefined;
  o.bytesBeforeTls = c.channel.release();
  const tls = await handshake(socket, options);
  o.tls = tls.observation;
  if (!tls.socket) return undefined;
  c.channel = new SmtpChannel(tls.socket);
  o.ehloAfterTls = await ehlo(c.channel, ehloName, options.timeouts.commandMs, options.signal);
  return tls.socket;
}

/**
 * The talk after the connection (and, on 465, TLS): greeting, EHLO, STARTTLS where offered,
 * EHLO again, QUIT; it stops at the first step that failed. Returns the socket last used.
 */
async function converse(c: Conversation, socket: Socket, ehloName: string): Promise<Socket> {
  const { observation: o, options } = c;
  const greeting = await readGreeting(c);
  if (greeting?.code !== 220) {
    if (greeting) o.quit = await say(c, 'QUIT');
    return socket;
  }
  o.ehlo = await ehlo(c.channel, ehloName, options.timeouts.commandMs, options.signal);
  if (!(await accepted(c, o.ehlo, 250))) return socket;
  if (!options.implicitTls && o.ehlo.extensions.some((e) => e.split(' ')[0] === 'STARTTLS')) {
    const secured = await upgrade(c, socket, ehloName);
    if (!secured) return socket;
    socket = secured;
  }
  o.quit = await say(c, 'QUIT');
  return socket;
}

/** The observation before anything happened: who is asked, and a connection not yet made. */
function notYetConnected(options: SmtpProbeOptions): SmtpServerObservation {
  const { address, port, mailHost, timeouts } = options;
  return {
    address,
    family: isIP(address) === 6 ? 6 : 4,
    port,
    mailHost,
    implicitTls: options.implicitTls ?? false,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    connect: { ok: false, elapsedMs: 0, timeoutMs: timeouts.connectMs },
  };
}

/**
 * Talk to one address of the mail host the way a sending server would, up to the point where
 * mail would start: connect, greeting, EHLO, STARTTLS, handshake, certificate, EHLO again, QUIT.
 * It never sends MAIL FROM. It never throws: every failure is recorded in the observation, and
 * the conversation stops at the first step that failed.
 */
export async function probeSmtpServer(options: SmtpProbeOptions): Promise<SmtpServerObservation> {
  const { address, port, timeouts, signal } = options;
  const start = performance.now();
  const observation = notYetConnected(options);
  const done = (): SmtpServerObservation => {
    observation.durationMs = since(start);
    return observation;
  };

  const connected = await tcpConnect(address, port, timeouts.connectMs, signal);
  observation.connect = { ...observation.connect, elapsedMs: connected.elapsedMs };
  if (!connected.socket) {
    observation.connect.error = connected.error;
    return done();
  }
  const local = connected.socket.localAddress?.replace(/^::ffff:(?=\d+\.)/, '');
  observation.connect = { ...observation.connect, ok: true, fromSameMachine: local === address };
  const ehloName = options.ehloName ?? ehloAddressLiteral(connected.socket.localAddress);

  let socket: Socket = connected.socket;
  if (options.implicitTls) {
    const tls = await handshake(socket, options);
    observation.tls = tls.observation;
    if (!tls.socket) return done();
    socket = tls.socket;
  }
  const c: Conversation = { options, observation, channel: new SmtpChannel(socket) };
  try {
    socket = await converse(c, socket, ehloName);
    return done();
  } finally {
    c.channel.destroy();
    socket.destroy();
  }
}
