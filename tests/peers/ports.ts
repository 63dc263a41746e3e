import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';

/**
 * Ports handed out by this process, so two peers started in the same test file never get the
 * same one before either has bound it (the kernel may reuse a port we just released).
 */
const handedOut = new Set<number>();

function listenTcp(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

function bindUdp(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.unref();
    socket.once('error', (err) => {
      socket.close();
      reject(err);
    });
    socket.bind({ port, address: '127.0.0.1', exclusive: true }, () => {
      socket.close(() => resolve());
    });
  });
}

/**
 * Get a free port: free for both TCP and UDP on 127.0.0.1 at the time of the call (DNS peers
 * listen on both). Never hardcode ports in tests; call this instead.
 */
export async function getFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await listenTcp(0);
    if (port === 0 || handedOut.has(port)) continue;
    try {
      await bindUdp(port);
    } catch {
      continue;
    }
    handedOut.add(port);
    return port;
  }
  throw new Error('getFreePort: no port free for both TCP and UDP after 50 attempts');
}
