import { isIPv6 } from 'node:net';

/** A host and port, as "HOST[:PORT]" names them. */
export interface HostPort {
  host: string;
  port: number;
}

/**
 * Read "HOST[:PORT]", "[IPv6]:PORT" or a bare IPv6 address, with `defaultPort` when none is
 * given. Undefined when the text is not one of those or the port is out of range.
 */
export function parseHostPort(text: string, defaultPort: number): HostPort | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (isIPv6(value)) return { host: value, port: defaultPort };
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  const plain = /^([^:\s[\]]+)(?::(\d+))?$/.exec(value);
  const match = bracketed ?? plain;
  if (!match?.[1]) return undefined;
  const port = match[2] === undefined ? defaultPort : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host: match[1], port };
}

/** "host:port", bracketing IPv6 literals. */
export function formatHostPort({ host, port }: HostPort): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}
