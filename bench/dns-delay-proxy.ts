import { createSocket } from 'node:dgram';
import type { RemoteInfo } from 'node:dgram';
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { getFreePort } from '../tests/peers/ports';

/** Options of the delay proxy. */
export interface DelayProxyOptions {
  /** Port of the DNS server behind the proxy (Knot, Unbound). */
  upstreamPort: number;
  /** Its address (default 127.0.0.1). */
  upstreamHost?: string;
  /** Milliseconds added to every query before it is passed on. */
  delayMs: number;
  /** Port to listen on (default: a free one); address 127.0.0.1, or `host`. */
  port?: number;
  host?: string;
}

/** A running delay proxy. */
export interface DelayProxy {
  port: number;
  address: string;
  /** Queries passed on so far (UDP datagrams + TCP connections). */
  count(): number;
  stop(): Promise<void>;
}

/**
 * A UDP+TCP proxy that holds every DNS query for `delayMs` before passing it to the upstream
 * server, so a benchmark on loopback sees the latency of a real network. Answers come back
 * without further delay.
 */
export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const host = options.host ?? '127.0.0.1';
  const upstreamHost = options.upstreamHost ?? '127.0.0.1';
  const port = options.port ?? (await getFreePort());
  let queries = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, options.delayMs);
    timers.add(timer);
  };

  const udp = createSocket('udp4');
  const upstreamSockets = new Set<ReturnType<typeof createSocket>>();
  udp.on('message', (msg: Buffer, client: RemoteInfo) => {
    queries += 1;
    later(() => {
      const out = createSocket('udp4');
      upstreamSockets.add(out);
      const close = (): void => {
        clearTimeout(giveUp);
        upstreamSockets.delete(out);
        out.close();
      };
      // The client has its own timeout; this only frees the socket.
      const giveUp = setTimeout(close, 10_000);
      out.on('error', close);
      out.on('message', (answer: Buffer) => {
        udp.send(answer, client.port, client.address);
        close();
      });
      out.send(msg, options.upstreamPort, upstreamHost);
    });
  });
  await new Promise<void>((resolve) => udp.bind(port, host, () => resolve()));

  const sockets = new Set<Socket>();
  const tcp = createServer((client) => {
    queries += 1;
    sockets.add(client);
    client.pause();
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    later(() => {
      const upstream = connect({ host: upstreamHost, port: options.upstreamPort });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => sockets.delete(upstream));
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
  });
  await new Promise<void>((resolve) => tcp.listen(port, host, () => resolve()));

  return {
    port,
    address: `${host}:${port}`,
    count: () => queries,
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      for (const s of upstreamSockets) s.close();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}
