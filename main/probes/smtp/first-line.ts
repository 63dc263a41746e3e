import type { Socket } from 'node:net';
import type { SmtpError } from '../../../shared/checks/smtp-observation';
import { abortedError, smtpErrorFrom, timeoutError } from './socket-errors';

/**
 * Read the first line a service says on connect (IMAP "* OK ...", POP3 "+OK ..."), at most
 * `timeoutMs`. Never throws.
 */
export function readFirstLine(
  socket: Socket,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ line: string; error?: undefined } | { line?: undefined; error: SmtpError }> {
  if (signal?.aborted) return Promise.resolve({ error: abortedError() });
  return new Promise((resolve) => {
    let text = '';
    const finish = (result: { line: string } | { error: SmtpError }): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\n');
      if (end !== -1) finish({ line: text.slice(0, end).replace(/\r$/, '') });
      else if (text.length > 2000) finish({ line: text.slice(0, 2000) });
    };
    const onError = (error: Error): void => finish({ error: smtpErrorFrom(error) });
    const onClose = (): void =>
      finish({ error: { kind: 'closed', message: 'the server closed the connection' } });
    const onAbort = (): void => finish({ error: abortedError() });
    const timer = setTimeout(
      () => finish({ error: timeoutError('greeting', timeoutMs) }),
      timeoutMs,
    );
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
