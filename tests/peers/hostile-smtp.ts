import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/** How the hostile SMTP server misbehaves. */
export type HostileSmtpMode =
  /**
   * Says "220 Ready to start TLS" and, in the same packet, plain text that a careless client
   * would read as coming from inside the encryption (STARTTLS response injection), then does a
   * correct TLS handshake and answers EHLO inside it.
   */
  { kind: 'inject-after-starttls'; injected: string };

/** A running hostile SMTP server on 127.0.0.1. */
export interface HostileSmtp {
  port: number;
  /** The lines it received in plain text and inside TLS, in order. */
  received: string[];
  stop(): Promise<void>;
}

/**
 * An SMTP server with a misbehaviour no real server (Postfix) produces on demand: see
 * HostileSmtpMode. `tls` is the certificate it shows for mail host `host`.
 */
export async function startHostileSmtp(
  host: string,
  tls: { keyPem: string; certPem: string },
  mode: HostileSmtpMode,
): Promise<HostileSmtp> {
  const sockets = new Set<Socket>();
  const received: string[] = [];
  const converse = (socket: Socket, secure: boolean): void => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      let end = buffer.indexOf('\r\n');
      while (end !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        received.push(line);
        if (/^EHLO/i.test(line)) {
          socket.write(
            secure ? `250-${host}\r\n250 PIPELINING\r\n` : `250-${host}\r\n250 STARTTLS\r\n`,
          );
        } else if (/^STARTTLS/i.test(line) && !secure) {
          socket.off('data', onData);
          // One write: the go-ahead and the injected text arrive together, in the clear.
          socket.write(`220 2.0.0 Ready to start TLS\r\n${mode.injected}`, () => {
            const encrypted = new TLSSocket(socket, {
              isServer: true,
              key: tls.keyPem,
              cert: tls.certPem,
            });
            encrypted.on('error', () => undefined);
            converse(encrypted, true);
          });
          return;
        } else if (/^QUIT/i.test(line)) {
          socket.end('221 2.0.0 Bye\r\n');
          return;
        } else {
          socket.write('502 5.5.2 Error: command not recognized\r\n');
        }
        end = buffer.indexOf('\r\n');
      }
    };
    socket.on('data', onData);
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.write(`220 ${host} ESMTP\r\n`);
    converse(socket, false);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
