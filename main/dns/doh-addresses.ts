import { isIP } from 'node:net';

/**
 * The addresses of a name through dns-over-http-resolver, used through its own API (resolve4 /
 * resolve6 against JSON DoH endpoints): right for a look-up that needs only the addresses, no
 * TTL and no response code. Null when the library could not say: it throws one message for
 * "no such name", "no address", a server failure and a dead endpoint alike, so the caller asks
 * its own client why. Ends within `timeoutMs` (the library has no timeout: it is cancelled).
 */
export async function libraryAddresses(
  name: string,
  type: 'A' | 'AAAA',
  endpoints: readonly string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<string[] | null> {
  if (endpoints.length === 0 || signal?.aborted) return null;
  // Loaded on first use: the CLI and runs on plain resolvers never pay for it. One instance per
  // look-up: its cache reads TTLs as milliseconds, and a fresh one never answers from another.
  const { default: Resolver } = await import('dns-over-http-resolver');
  const resolver = new Resolver();
  resolver.setServers([...endpoints]);
  const cancel = (): void => resolver.cancel();
  const timer = setTimeout(cancel, timeoutMs);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const found = await (type === 'A' ? resolver.resolve4(name) : resolver.resolve6(name));
    // Its answer lists every record's data, a CNAME's target too: only addresses count.
    const addresses = found.filter((a) => isIP(a) === (type === 'A' ? 4 : 6));
    return addresses.length > 0 ? addresses : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
