import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiContext } from '../api/context';
import { admitted, type HostIdentity } from './http-access';
import { answerCall } from './http-api-call';
import { eventStreams } from './http-events';
import { serveRendererFile } from './http-static';
import { send, sendText } from './http-replies';

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

/**
 * Start browser mode. Binds 127.0.0.1 only. Every request must carry the per-run token (query
 * `?token=` for the page and the event stream, the `x-mailwright-token` header for calls, or the
 * cookie set when the page loads) and a Host header naming this loopback address and port, so a
 * web page elsewhere cannot reach the API by DNS rebinding.
 */
export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 5 * 1024 * 1024;
  const streams = eventStreams(opts.ctx);
  let port = 0;
  const host: HostIdentity = {
    port: () => port,
    token,
    cookieName: () => `mailwright_token_${port}`,
  };

  /** Routes one request once it is let in: a call, the event stream, or a renderer file. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendText(res, 400, 'Bad request: the address cannot be read.');
    }
    if (!admitted(req, res, url, host)) return;
    if (url.pathname.startsWith('/api/call/')) return answerCall(req, res, url, opts.ctx, maxBody);
    if (url.pathname === '/api/events') return streams.open(req, res);
    return serveRendererFile(req, res, url, opts.rendererDir, `${host.cookieName()}=${token}`);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${(e as Error).message}`);
      else res.end();
    });
  });
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
        streams.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
