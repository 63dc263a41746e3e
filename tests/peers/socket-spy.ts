import dgram from 'node:dgram';
import net from 'node:net';

/**
 * Record every destination this process sends to, at the socket level (UDP send/connect, TCP
 * connect, fetch), while `work` runs. Used to prove a loopback-configured run leaks nothing.
 */
export async function destinations(work: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const udpSend = dgram.Socket.prototype.send;
  const udpConnect = dgram.Socket.prototype.connect;
  const tcpConnect = net.Socket.prototype.connect;
  const realFetch = globalThis.fetch;
  dgram.Socket.prototype.connect = function (this: dgram.Socket, ...args: unknown[]) {
    seen.push(`udp ${String(args[1])}:${String(args[0])}`);
    return (udpConnect as (...a: unknown[]) => void).apply(this, args);
  } as typeof udpConnect;
  dgram.Socket.prototype.send = function (this: dgram.Socket, ...args: unknown[]) {
    const host = args.find((a, i) => i > 0 && typeof a === 'string');
    if (host) seen.push(`udp ${String(host)}`);
    return (udpSend as (...a: unknown[]) => void).apply(this, args);
  } as typeof udpSend;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() hands over its normalised arguments as one array.
    const raw = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const first = raw as { host?: string; port?: number; path?: string } | number;
    if (typeof first === 'object' && first.path) seen.push(`unix ${first.path}`);
    else
      seen.push(
        typeof first === 'object'
          ? `tcp ${first.host ?? 'localhost'}:${first.port}`
          : `tcp ${String(args[1])}:${first}`,
      );
    return (tcpConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof tcpConnect;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    seen.push(`fetch ${String(input)}`);
    return realFetch(input, init);
  }) as typeof fetch;
  try {
    await work();
  } finally {
    dgram.Socket.prototype.send = udpSend;
    dgram.Socket.prototype.connect = udpConnect;
    net.Socket.prototype.connect = tcpConnect;
    globalThis.fetch = realFetch;
  }
  return seen;
}
