import { Socket } from 'node:net';
import { vi, type MockInstance } from 'vitest';

/** Every host a socket was asked to connect to while the guard was on. */
export interface LoopbackGuard {
  hosts: string[];
  restore(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Watch every TCP connection this process opens (all of node:net and node:tls go through
 * Socket.prototype.connect) and refuse any that is not to loopback: proof that a test sends
 * nothing anywhere else.
 */
export function guardLoopback(): LoopbackGuard {
  const hosts: string[] = [];
  const original = Socket.prototype.connect;
  const spy: MockInstance = vi.spyOn(Socket.prototype, 'connect').mockImplementation(function (
    this: Socket,
    ...args: unknown[]
  ) {
    const first = args[0] as { host?: string; path?: string } | number | string | unknown[];
    const options = Array.isArray(first) ? (first[0] as { host?: string; path?: string }) : first;
    const host =
      typeof options === 'object' && options !== null
        ? options.path
          ? 'unix'
          : (options.host ?? 'localhost')
        : typeof args[1] === 'string'
          ? args[1]
          : 'localhost';
    hosts.push(host);
    if (host !== 'unix' && !LOOPBACK.has(host))
      throw new Error(`test tried to connect to ${host}: only loopback is allowed`);
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  });
  return { hosts, restore: () => spy.mockRestore() };
}
