import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { getFreePort } from './ports';

/** A message the sink received, as the receiving provider would store it. */
export interface SunkMessage {
  /** The message with the Return-Path and Received lines a receiver puts on top. */
  raw: Buffer;
  mailFrom: string;
  secure: boolean;
}

/** An SMTP server on loopback that accepts every message and keeps it (the "receiving provider"). */
export interface SmtpSink {
  port: number;
  /** Resolves with the next message received (or one already waiting). */
  next(timeoutMs?: number): Promise<SunkMessage>;
  stop(): Promise<void>;
}

/**
 * Start a receiving SMTP server on 127.0.0.1 with STARTTLS (certificate given). It adds what a
 * real receiver adds: Return-Path from MAIL FROM and a Received line with the client's HELO
 * name, address and "with ESMTPS" when the session was encrypted. No reverse look-ups (nothing
 * leaves loopback).
 */
export async function startSmtpSink(
  tls: { key: string; cert: string },
  by = 'mx.receiver.test',
): Promise<SmtpSink> {
  const port = await getFreePort();
  const waiting: SunkMessage[] = [];
  const wanting: ((m: SunkMessage) => void)[] = [];
  const server = new SMTPServer({
    secure: false,
    key: tls.key,
    cert: tls.cert,
    authOptional: true,
    disableReverseLookup: true,
    banner: `${by} ESMTP`,
    name: by,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const proto = `${session.transmissionType}`;
        const cipher = session.secure && session.tlsOptions ? session.tlsOptions : undefined;
        const tlsWords = cipher ? ` (version=${cipher.version} cipher=${cipher.name})` : '';
        const received =
          `Received: from ${session.hostNameAppearsAs} (${session.hostNameAppearsAs} [${session.remoteAddress}])\r\n` +
          `        by ${by} with ${proto} id ${randomBytes(6).toString('hex')}\r\n` +
          `        for <${session.envelope.rcptTo[0]?.address ?? ''}>${tlsWords};\r\n` +
          `        ${new Date().toUTCString()}\r\n`;
        const raw = Buffer.concat([
          Buffer.from(`Return-Path: <${mailFrom}>\r\n${received}`),
          ...chunks,
        ]);
        const m = { raw, mailFrom, secure: session.secure };
        const w = wanting.shift();
        if (w) w(m);
        else waiting.push(m);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    next: (timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const m = waiting.shift();
        if (m) return resolve(m);
        const t = setTimeout(
          () => reject(new Error(`no message reached the sink in ${timeoutMs} ms`)),
          timeoutMs,
        );
        wanting.push((x) => {
          clearTimeout(t);
          resolve(x);
        });
      }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
