import { createSocket, type Socket } from 'node:dgram';

/** A nameserver that answers without authority. */
export interface LameDns {
  address: string;
  stop(): Promise<void>;
}

/**
 * A lame nameserver on `host:port` (UDP): every query is passed to a real server (Knot) and its
 * answer sent back with the AA bit cleared, as a server that serves the zone from a cache or a
 * stale copy does. Knot always sets AA for its zones, so this one bit is the only thing faked.
 */
export async function startLameDns(options: {
  host: string;
  port: number;
  upstream: { host: string; port: number };
}): Promise<LameDns> {
  const server = createSocket('udp4');
  const pending = new Set<Socket>();
  server.on('message', (query, peer) => {
    const out = createSocket('udp4');
    pending.add(out);
    const done = (): void => {
      pending.delete(out);
      out.close();
    };
    const timer = setTimeout(done, 2000);
    out.on('error', () => {
      clearTimeout(timer);
      done();
    });
    out.on('message', (answer) => {
      clearTimeout(timer);
      const copy = Buffer.from(answer);
      // Byte 2 holds QR, opcode, AA, TC, RD; AA is 0x04.
      copy[2] = (copy[2] ?? 0) & ~0x04;
      server.send(copy, peer.port, peer.address);
      done();
    });
    out.send(query, options.upstream.port, options.upstream.host);
  });
  await new Promise<void>((resolve) => server.bind(options.port, options.host, () => resolve()));
  return {
    address: `${options.host}:${options.port}`,
    stop: async () => {
      for (const s of pending) s.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
