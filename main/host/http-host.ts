import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import { tooDeepAt, tooDeepMessage } from '../api/payload-depth';
import { readStatic } from './static-files';
import { REFUSED_PAGE_CSP, refusedPage } from './refused-page';
import { CONTENT_SECURITY_POLICY } from './csp';

/** The browser-mode server: the renderer and the contract over HTTP, on loopback, behind a token. */
export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Options of startHttpHost. */
export interface HttpHostOptions {
  ctx: ApiContext;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); random per run otherwise. */
  token?: string;
  /** The largest request body accepted. */
  maxBodyBytes?: number;
}

const TOKEN_HEADER = 'x-mailwright-token';

/**
 * Start browser mode. Binds 127.0.0.1 only. Every request must carry the per-run token (query
 * `?token=` for the page and the event stream, the `x-mailwright-token` header for calls, or the
 * cookie set when the page loads) and a Host header naming this loopback address and port, so a
 * web page elsewhere cannot reach the API by DNS rebinding.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 5 * 1024 * 1024;
  const sse = new Set<ServerResponse>();
  let port = 0;
  const cookieName = () => `mailwright_token_${port}`;

  const unsubscribe = opts.ctx.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sse) res.write(frame);
  });

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${(e as Error).message}`);
      else res.end();
    });
  });

  // eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the address cannot be read.');
      return;
    }
    if (!hostAllowed(req.headers.host, port)) {
      send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Forbidden: this server only answers on its loopback address.',
      );
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !hostAllowed(origin.replace(/^http:\/\//, ''), port)) {
      send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Forbidden: requests from other web pages are refused.',
      );
      return;
    }
    const presented =
      headerValue(req.headers[TOKEN_HEADER]) ??
      url.searchParams.get('token') ??
      readCookie(req.headers.cookie, cookieName());
    if (!presented || !sameToken(presented, token)) {
      // A person opening the page (a bookmark or tab from an earlier start, or the address
      // without its token) gets a page saying what to do; calls and files get the short text.
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
        return;
      }
      send(
        res,
        401,
        'text/plain; charset=utf-8',
        'Unauthorized: open the address that `mailwright serve` printed (it carries the access token).',
      );
      return;
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') {
        send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
        return;
      }
      // Calls need the header, not just the cookie: a cross-site form cannot set it.
      if (headerValue(req.headers[TOKEN_HEADER]) === undefined) {
        send(
          res,
          401,
          'text/plain; charset=utf-8',
          `Unauthorized: calls need the ${TOKEN_HEADER} header.`,
        );
        return;
      }
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      } catch {
        refuse(res, req, 400, 'The call name in the address has a broken %-escape.');
        return;
      }
      const body = await readBody(req, maxBody);
      if (body === null) {
        refuse(
          res,
          req,
          413,
          `The request is larger than the ${Math.round(maxBody / (1024 * 1024))} MB a call may send.`,
        );
        return;
      }
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        refuse(res, req, 400, 'The request body is not JSON.');
        return;
      }
      const deep = tooDeepAt(payload);
      if (deep !== null) {
        refuse(res, req, 400, tooDeepMessage(deep));
        return;
      }
      sendJson(res, await dispatch(name, payload, opts.ctx));
      return;
    }

    if (url.pathname === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      res.write(': connected\n\n');
      sse.add(res);
      const ping = setInterval(() => res.write(': ping\n\n'), 20_000);
      req.on('close', () => {
        clearInterval(ping);
        sse.delete(res);
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
      return;
    }
    const file = await readStatic(opts.rendererDir, url.pathname);
    if (!file) {
      send(
        res,
        404,
        'text/plain; charset=utf-8',
        'Not found. (Was the renderer built? Run `npm run build`.)',
      );
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.type,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (file.type.startsWith('text/html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['x-frame-options'] = 'DENY';
      headers['set-cookie'] = `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of sse) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Only our own loopback address and port count as a Host (DNS-rebinding defence). */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return rest.join('=');
  }
  return null;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Read a request body up to `max` bytes; null when it is larger. A larger body is not cut off
 * mid-upload (the client would see a reset, not the answer): the rest is read and dropped, up to
 * a bound, so the client gets to read the 413.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > max) {
        req.off('data', onData);
        resolve(null);
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The most of a refused body read and dropped before the connection is closed. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Answer a call that cannot be made (400, 413) with a contract Result, then close the connection
 * once the client has sent its request, so the client reads this answer rather than a reset. A
 * client that keeps sending past DRAIN_LIMIT, or for 10 s, is cut off.
 */
function refuse(res: ServerResponse, req: IncomingMessage, status: number, message: string): void {
  const body = JSON.stringify({ ok: false, error: { code: 'bad-request', message } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(body);
  if (req.complete) return;
  let drained = 0;
  const cut = setTimeout(() => req.destroy(), 10_000);
  cut.unref();
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > DRAIN_LIMIT) req.destroy();
  });
  req.on('end', () => clearTimeout(cut));
  req.on('close', () => clearTimeout(cut));
  req.resume();
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}
