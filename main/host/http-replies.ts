import type { IncomingMessage, ServerResponse } from 'node:http';

/** A short text answer (errors, refusals) that no cache keeps. */
export function sendText(res: ServerResponse, status: number, body: string): void {
  send(res, status, 'text/plain; charset=utf-8', body);
}

/** An answer of one type that no cache keeps and no browser sniffs. */
export function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** A contract Result as JSON (status 200: the Result itself says whether the call failed). */
export function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** The most of a refused body read and dropped before the connection is closed. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Answer a call that cannot be made (400, 413) with a contract Result, then close the connection
 * once the client has sent its request, so the client reads this answer rather than a reset. A
 * client that keeps sending past DRAIN_LIMIT, or for 10 s, is cut off.
 */
export function refuse(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  message: string,
): void {
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
