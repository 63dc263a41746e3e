import { isIP } from 'node:net';

/** A DNS server to send packets to. */
export interface ServerAddress {
  host: string;
  port: number;
  family: 4 | 6;
}

/**
 * Parse "HOST[:PORT]" as the CLI's --resolver takes it: "127.0.0.1", "127.0.0.1:5301", "::1",
 * "[::1]:5301". Only IP literals: a resolver given by name would need a resolver to find it.
 */
export function parseServerAddress(text: string, defaultPort = 53): ServerAddress {
  const t = text.trim();
  let host = t;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
  } else if (isIP(t) === 0 && t.includes(':') && t.indexOf(':') === t.lastIndexOf(':')) {
    const colon = t.lastIndexOf(':');
    host = t.slice(0, colon);
    portText = t.slice(colon + 1);
  }
  const family = isIP(host);
  if (family !== 4 && family !== 6) {
    throw new Error(`"${text}" is not an IP address (with an optional :port)`);
  }
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`"${text}" has an invalid port`);
  }
  return { host, port, family };
}

/** "127.0.0.1:5300" or "[::1]:5300": how a server is named in answers and evidence. */
export function formatServerAddress(address: Pick<ServerAddress, 'host' | 'port'>): string {
  return isIP(address.host) === 6
    ? `[${address.host}]:${address.port}`
    : `${address.host}:${address.port}`;
}
