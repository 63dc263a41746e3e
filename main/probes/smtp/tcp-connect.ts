import { connect, isIP, type Socket } from 'node:net';
import type { SmtpError } from '../../../shared/checks/smtp-observation';
import { abortedError, smtpErrorFrom, timeoutError } from './socket-errors';

/** A connection attempt's outcome. */
export type ConnectResult =
  | { socket: Socket; elapsedMs: number; error?: undefined }
  | { socket?: undefined; elapsedMs: number; error: SmtpError };

/**
 * Open a TCP connection to host:port within `timeoutMs`, honouring `signal`. Never throws. The
 * host should be an IP literal: the probes test each address of the mail host separately.
 */
export function tcpConnect(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<ConnectResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  if (signal?.aborted) return Promise.resolve({ elapsedMs: 0, error: abortedError() });
  return new Promise((resolve) => {
    const family = isIP(host);
    const socket = connect({ host, port, ...(family ? { family } : {}) });
    const finish = (result: ConnectResult): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      if (result.error) socket.destroy();
      resolve(result);
    };
    const onConnect = (): void => {
      // Until the caller listens, a late error must not crash the process.
      socket.on('error', () => undefined);
      finish({ socket, elapsedMs: elapsed() });
    };
    const onError = (error: Error): void =>
      finish({ elapsedMs: elapsed(), error: smtpErrorFrom(error) });
    const onAbort = (): void => finish({ elapsedMs: elapsed(), error: abortedError() });
    const timer = setTimeout(
      () =>
        finish({
          elapsedMs: elapsed(),
          error: timeoutError(`connection to ${host} port ${port}`, timeoutMs),
        }),
      timeoutMs,
    );
    socket.once('connect', onConnect);
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
