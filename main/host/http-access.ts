import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { REFUSED_PAGE_CSP, refusedPage } from './refused-page';
import { sendText } from './http-replies';

/** The header a call carries its token in (a cross-site form cannot set it). */
export const TOKEN_HEADER = 'x-mailwright-token';

/** Who the host is: its port (known once listening), its token and the cookie that carries it. */
export interface HostIdentity {
  port(): number;
  token: string;
  cookieName(): string;
}

/** Only our own loopback address and port count as a Host (DNS-rebinding defence). */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A header's first value. */
export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** One cookie's value from a Cookie header. */
function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return rest.join('=');
  }
  return null;
}

/** Compares tokens in constant time. */
function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether a request may go on: from our loopback Host, no other page's Origin, carrying the
 * token (header, query or cookie). A refused one has been answered: a person opening the page
 * without a valid token gets a page saying what to do; calls and files get the short text.
 */
export function admitted(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  host: HostIdentity,
): boolean {
  const port = host.port();
  if (!hostAllowed(req.headers.host, port)) {
    sendText(res, 403, 'Forbidden: this server only answers on its loopback address.');
    return false;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hostAllowed(origin.replace(/^http:\/\//, ''), port)) {
    sendText(res, 403, 'Forbidden: requests from other web pages are refused.');
    return false;
  }
  const presented =
    headerValue(req.headers[TOKEN_HEADER]) ??
    url.searchParams.get('token') ??
    readCookie(req.headers.cookie, host.cookieName());
  if (presented && sameToken(presented, host.token)) return true;
  // A bookmark or tab from an earlier start, or the address without its token.
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
    res.writeHead(401, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': REFUSED_PAGE_CSP,
    });
    res.end(refusedPage(presented ? 'old-address' : 'no-token'));
  } else {
    sendText(
      res,
      401,
      'Unauthorized: open the address that `mailwright serve` printed (it carries the access token).',
    );
  }
  return false;
}
