import { Buffer } from 'node:buffer';
import { connect } from 'node:net';
import { decodeWireResponse } from './wire-message';
import type { WireQuery, WireResponse } from './wire-message';
import type { ServerAddress } from './server-address';

/**
 * Send a query over TCP (two-byte length prefix, RFC 1035 4.2.2) and read its one answer.
 * Used after a truncated UDP answer. Rejects on abort, connection errors, a closed connection
 * before a full message, or an answer that does not match the query.
 */
export function tcpExchange(
  server: ServerAddress,
  query: WireQuery,
  signal: AbortSignal,
): Promise<WireResponse> {
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
      length.writeUInt16BE(query.bytes.length);
      socket.write(Buffer.concat([length, query.bytes]));
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2) return;
      const size = buffered.readUInt16BE(0);
      if (buffered.length < 2 + size) return;
      try {
        const response = decodeWireResponse(buffered.subarray(2, 2 + size), query);
        finish(() => resolve(response));
      } catch (err) {
        finish(() => reject(new Error(`malformed answer over TCP: ${(err as Error).message}`)));
      }
    });
    socket.on('end', () =>
      finish(() => reject(new Error('the server closed the TCP connection without an answer'))),
    );
  });
}
