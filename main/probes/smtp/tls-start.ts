import type { Socket } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import type { TlsObservation } from '../../../shared/checks/smtp-observation';
import { readCertificate } from './certificate-read';
import { abortedError, smtpErrorFrom, timeoutError } from './socket-errors';
import { trustAnchors } from './trusted-roots';

/** How to run one TLS handshake. */
export interface TlsStartOptions {
  /** The mail host: sent as SNI and checked against the certificate. */
  servername: string;
  timeoutMs: number;
  /** Extra trusted CAs (PEM), for tests and private setups. */
  extraCa?: readonly string[];
  signal?: AbortSignal;
}

/** The handshake's outcome: the TLS socket when it worked, and what was seen either way. */
export interface TlsStartResult {
  socket?: TLSSocket;
  observation: TlsObservation;
}

/**
 * Run a TLS handshake over an open TCP socket (after STARTTLS, or at once for 465/993/995) and
 * read the certificate. The chain is verified against trustAnchors() and the result recorded; the
 * connection is kept even when verification fails, because the probe's job is to report the
 * certificate, and it sends nothing secret over it.
 */
export function startTls(socket: Socket, options: TlsStartOptions): Promise<TlsStartResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const base = { servername: options.servername };
  if (options.signal?.aborted) {
    socket.destroy();
    return Promise.resolve({
      observation: { ...base, ok: false, elapsedMs: 0, error: abortedError() },
    });
  }
  return new Promise((resolve) => {
    const tlsSocket = connect({
      socket,
      servername: options.servername,
      ca: trustAnchors(options.extraCa),
      // Verification happens and its result is read from `authorized`; the name is judged
      // separately (readCertificate), so a wrong name is reported as such, not as a chain error.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      // Accept old versions here so a server stuck on TLS 1.0 is reported as that, not as noise.
      minVersion: 'TLSv1',
    });
    const finish = (result: TlsStartResult): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      tlsSocket.off('secureConnect', onSecure);
      tlsSocket.off('error', onError);
      tlsSocket.off('close', onClose);
      if (!result.socket) tlsSocket.destroy();
      resolve(result);
    };
    const fail = (error: TlsObservation['error']): void =>
      finish({
        observation: { ...base, ok: false, elapsedMs: elapsed(), ...(error ? { error } : {}) },
      });
    const onSecure = (): void => {
      tlsSocket.on('error', () => undefined);
      const certificate = readCertificate(tlsSocket, options.servername);
      const cipher = tlsSocket.getCipher();
      finish({
        socket: tlsSocket,
        observation: {
          ...base,
          ok: true,
          protocol: tlsSocket.getProtocol() ?? undefined,
          cipher: cipher?.standardName ?? cipher?.name,
          elapsedMs: elapsed(),
          ...(certificate ? { certificate } : {}),
        },
      });
    };
    const onError = (error: Error): void => fail(smtpErrorFrom(error, 'tls'));
    const onClose = (): void =>
      fail({ kind: 'tls', message: 'the server closed the connection during the TLS handshake' });
    const onAbort = (): void => fail(abortedError());
    const timer = setTimeout(
      () => fail(timeoutError('TLS handshake', options.timeoutMs)),
      options.timeoutMs,
    );
    tlsSocket.once('secureConnect', onSecure);
    tlsSocket.once('error', onError);
    tlsSocket.once('close', onClose);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
