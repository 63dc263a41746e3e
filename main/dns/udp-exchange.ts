import { createSocket } from 'node:dgram';
import { WireMismatchError, decodeWireResponse } from './wire-message';
import type { WireQuery, WireResponse } from './wire-message';
import type { ServerAddress } from './server-address';

/** Options for one UDP exchange. */
export interface UdpExchangeOptions {
  /** Resend the same query after this long without an answer (lost packets); default 1000 ms. */
  retransmitMs?: number;
  /** Called once per datagram sent, for the query counter. */
  onSend?: () => void;
}

/**
 * Send a datagram from a fresh random port, resending it until an answer comes, and wait for the
 * one `read` takes: `read` returns undefined for a stray or forged datagram (keep waiting), the
 * value for ours, or throws for ours but unreadable. The signal (deadline or cancel) ends the
 * wait. Rejects with the signal's reason on abort, or with the socket error (e.g. ECONNREFUSED
 * when nothing listens on the port). The one UDP client of the app (the main DNS layer and the
 * secure-delivery checks' validating client).
 */
export function udpRoundTrip<T>(
  server: ServerAddress,
  bytes: Buffer,
  signal: AbortSignal,
  read: (datagram: Buffer) => T | undefined,
  options: UdpExchangeOptions = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const socket = createSocket(server.family === 6 ? 'udp6' : 'udp4');
    let retransmit: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearInterval(retransmit);
      signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners('message');
      socket.on('error', () => undefined);
      try {
        socket.close();
      } catch {
        // already closed
      }
      fn();
    };
    const onAbort = (): void => finish(() => reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    const send = (): void => {
      if (settled) return;
      options.onSend?.();
      socket.send(bytes, (err) => {
        if (err) finish(() => reject(err));
      });
    };
    socket.on('error', (err) => finish(() => reject(err)));
    socket.on('message', (msg) => {
      try {
        const value = read(msg);
        if (value !== undefined) finish(() => resolve(value));
      } catch (err) {
        finish(() => reject(new Error(`malformed answer: ${(err as Error).message}`)));
      }
    });
    socket.connect(server.port, server.host, () => {
      send();
      retransmit = setInterval(send, options.retransmitMs ?? 1000);
    });
  });
}

/**
 * Send a query over UDP and wait for its answer, decoded and checked against the question; stray
 * or forged datagrams (wrong id or question) are ignored.
 */
export function udpExchange(
  server: ServerAddress,
  query: WireQuery,
  signal: AbortSignal,
  options: UdpExchangeOptions = {},
): Promise<WireResponse> {
  const read = (msg: Buffer): WireResponse | undefined => {
    try {
      return decodeWireResponse(msg, query);
    } catch (err) {
      if (err instanceof WireMismatchError) return undefined; // not ours: keep waiting
      throw err;
    }
  };
  return udpRoundTrip(server, query.bytes, signal, read, options);
}
