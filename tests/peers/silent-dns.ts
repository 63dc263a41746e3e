import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { getFreePort } from './ports';

/** A DNS "server" that reads every query and never answers (UDP and TCP). */
export interface SilentDns {
  port: number;
  address: string;
  /** Queries received so far (UDP datagrams + TCP connections). */
  received(): number;
  stop(): Promise<void>;
}

/**
 * Start a black hole on `host` (default 127.0.0.1): UDP datagrams are read and dropped, TCP connections are
 * accepted and left hanging. No real server misbehaves like this on demand, hence a fake.
 */
export async function startSilentDns(
  options: { host?: string; port?: number } = {},
): Promise<SilentDns> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await getFreePort());
  let count = 0;
  const udp = createSocket('udp4');
  udp.on('message', () => {
    count += 1;
  });
  await new Promise<void>((resolve) => udp.bind(port, host, () => resolve()));
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => tcp.listen(port, host, () => resolve()));
  return {
    port,
    address: `${host}:${port}`,
    received: () => count,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}
