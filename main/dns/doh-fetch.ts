import type { SentQuery } from './types';

/** The fetch function a DoH transport uses (injectable for tests). */
export type FetchFunction = typeof fetch;

/** Options of a DoH client (JSON or RFC 8484 wire format). */
export interface DohOptions {
  /** Endpoint, e.g. "https://cloudflare-dns.com/dns-query" or "https://dns.quad9.net/dns-query". */
  url: string;
  timeoutMs: number;
  /** Injectable fetch (tests, proxies); default the global fetch. */
  fetch?: FetchFunction;
  /** Called once per HTTP request sent. */
  onSend?: (sent: SentQuery) => void;
}

/** An HTTP answer that is not a DNS answer (status not 2xx, wrong content). */
export class DohHttpError extends Error {}

/**
 * Fetch a DoH URL under the given signal and return the body, rejecting on any non-2xx status
 * with a message a user can act on.
 */
export async function fetchDoh(
  fetchFn: FetchFunction,
  url: string,
  init: RequestInit,
  signal: AbortSignal,
): Promise<Response> {
  const response = await fetchFn(url, { ...init, signal, redirect: 'error' });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new DohHttpError(`the DNS-over-HTTPS server answered HTTP ${response.status}`);
  }
  return response;
}
