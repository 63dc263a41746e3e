import type { Socket } from 'node:net';
import type { SmtpError, SmtpReply } from '../../../shared/checks/smtp-observation';
import { ReplyParser } from './reply-parser';
import { abortedError, smtpErrorFrom, timeoutError } from './socket-errors';

/** A reply, or why none came. */
export type ReplyResult =
  { reply: SmtpReply; error?: undefined } | { reply?: undefined; error: SmtpError };

interface Waiter {
  resolve(result: ReplyResult): void;
}

/**
 * One SMTP conversation over a socket (plain or TLS): send a line, wait for the next reply with a
 * time limit and an AbortSignal. It never throws; every failure comes back as an SmtpError.
 */
export class SmtpChannel {
  private readonly parser = new ReplyParser();
  private readonly replies: SmtpReply[] = [];
  private ended: SmtpError | undefined;
  private waiter: Waiter | undefined;
  private readonly onData = (chunk: Buffer): void => this.received(chunk);
  private readonly onError = (error: Error): void => this.end(smtpErrorFrom(error));
  private readonly onClose = (): void =>
    this.end({ kind: 'closed', message: 'the server closed the connection' });

  constructor(readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    socket.on('end', this.onClose);
  }

  /** Wait for the next whole reply, at most `timeoutMs`. */
  read(timeoutMs: number, what: string, signal?: AbortSignal): Promise<ReplyResult> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve({ reply: queued });
    if (this.ended) return Promise.resolve({ error: this.ended });
    if (signal?.aborted) return Promise.resolve({ error: abortedError() });
    return new Promise((resolve) => {
      const finish = (result: ReplyResult): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiter = undefined;
        resolve(result);
      };
      const onAbort = (): void => {
        finish({ error: abortedError() });
        this.socket.destroy();
      };
      const timer = setTimeout(() => finish({ error: timeoutError(what, timeoutMs) }), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = { resolve: finish };
    });
  }

  /** Send one command line (CRLF added) and wait for its reply. */
  async command(line: string, timeoutMs: number, signal?: AbortSignal): Promise<ReplyResult> {
    if (this.ended) return { error: this.ended };
    this.socket.write(`${line}\r\n`);
    return this.read(timeoutMs, `reply to ${line.split(' ')[0]}`, signal);
  }

  /**
   * Stop reading so the socket can be handed to TLS. Returns how many bytes arrived that were not
   * a reply we asked for: after "220 Ready to start TLS" there must be none (anything there was
   * injected in plain text and is thrown away, never read as part of the TLS conversation).
   */
  release(): number {
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onError);
    this.socket.off('close', this.onClose);
    this.socket.off('end', this.onClose);
    // TLS reports the socket's errors from now on; this keeps a late one from being unhandled.
    this.socket.on('error', () => undefined);
    // Replies already parsed count as the bytes they came in: "250 x" + CRLF per line.
    const parsed = this.replies.reduce(
      (n, r) => n + r.lines.reduce((m, line) => m + 3 + (line ? 1 + line.length : 0) + 2, 0),
      0,
    );
    const stray = this.parser.pendingBytes + parsed;
    this.replies.length = 0;
    return stray;
  }

  /** Close the connection without waiting. */
  destroy(): void {
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    const step = this.parser.push(chunk);
    this.replies.push(...step.replies);
    // Garbage after a good reply ends the conversation only once that reply has been read.
    if (step.error) this.ended ??= { kind: 'protocol', message: step.error };
    this.wake();
  }

  private end(error: SmtpError): void {
    // The first reason wins: a reset is followed by a close, and the reset is what happened.
    this.ended ??= error;
    this.wake();
  }

  private wake(): void {
    if (!this.waiter) return;
    const next = this.replies.shift();
    if (next) this.waiter.resolve({ reply: next });
    else if (this.ended) this.waiter.resolve({ error: this.ended });
  }
}
