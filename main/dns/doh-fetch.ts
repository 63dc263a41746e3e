/** The fetch function a DoH transport uses (injectable for tests). */
export type FetchFunction = typeof fetch;

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
