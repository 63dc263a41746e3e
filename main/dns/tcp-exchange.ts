import { Buffer } from 'node:buffer';
import { connect } from 'node:net';
import { decodeWireResponse } from './wire-message';
import type { WireQuery, WireResponse } from './wire-message';
import type { ServerAddress } from './server-address';

/**
 * Send one DNS message over TCP (two-byte length prefix, RFC 1035 4.2.2) and read the one
 * message that comes back. Rejects on abort, connection errors, or a closed connection before a
 * full message. The one TCP client of the app (the main DNS layer and the secure-delivery
 * checks' validating client).
 */
export function tcpRoundTrip(
  server: ServerAddress,
  bytes: Buffer,
  signal: AbortSignal,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const socket = connect({ host: server.host, port: server.port });
    let buffered = Buffer.alloc(0);
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      fn();
    };
    const onAbort = (): void => finish(() => reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (err) => finish(() => reject(err)));
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(bytes.length);
      socket.write(Buffer.concat([length, bytes]));
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2) return;
      const size = buffered.readUInt16BE(0);
      if (buffered.length < 2 + size) return;
      finish(() => resolve(buffered.subarray(2, 2 + size)));
    });
    socket.on('end', () =>
      finish(() => reject(new Error('the server closed the TCP connection without an answer'))),
    );
  });
}

/**
 * Send a query over TCP and read its one answer, checked against the query. Used after a
 * truncated UDP answer. Rejects as tcpRoundTrip does, or for an answer that does not match.
 */
export async function tcpExchange(
  server: ServerAddress,
  query: WireQuery,
  signal: AbortSignal,
): Promise<WireResponse> {
  const message = await tcpRoundTrip(server, query.bytes, signal);
  try {
    return decodeWireResponse(message, query);
  } catch (err) {
    throw new Error(`malformed answer over TCP: ${(err as Error).message}`);
  }
}
