import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';

/** A small misbehaving server on 127.0.0.1. */
export interface FakeServer {
  port: number;
  /** How many connections it accepted. */
  connections: number;
  close(): Promise<void>;
}

async function listen(server: Server, track: Set<Socket>, host = '127.0.0.1'): Promise<FakeServer> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const fake: FakeServer = {
    port: typeof address === 'object' && address ? address.port : 0,
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of track) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    fake.connections += 1;
    track.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => track.delete(socket));
  });
  return fake;
}

/** A plain TCP server on `host` (default 127.0.0.1) that runs `handler` for each connection. */
export function startFake(handler: (socket: Socket) => void, host?: string): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  return listen(createServer(handler), sockets, host);
}

/** A TLS-from-the-first-byte server (like 465/993/995) that runs `handler` once encrypted. */
export function startTlsFake(
  options: TlsOptions,
  handler: (socket: Socket) => void,
): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const server = createTlsServer(options, handler);
  server.on('tlsClientError', () => undefined);
  return listen(server, sockets);
}

/**
 * Play an SMTP server line by line: greet with `greeting` (after `delayMs`), then answer each
 * command with `answer(command)` (undefined = stay silent). Enough for EHLO/QUIT conversations.
 */
export function scriptedSmtp(
  greeting: string,
  answer: (command: string, socket: Socket) => string | undefined,
  delayMs = 0,
): (socket: Socket) => void {
  return (socket) => {
    const timer = setTimeout(() => socket.write(greeting), delayMs);
    socket.on('close', () => clearTimeout(timer));
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end = buffer.indexOf('\r\n');
      while (end !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const reply = answer(line, socket);
        if (reply !== undefined && !socket.destroyed) socket.write(reply);
        if (/^QUIT/i.test(line)) socket.end();
        end = buffer.indexOf('\r\n');
      }
    });
  };
}
