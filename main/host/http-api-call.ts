import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import { tooDeepAt, tooDeepMessage } from '../api/payload-depth';
import { TOKEN_HEADER, headerValue } from './http-access';
import { readBody } from './http-request-body';
import { refuse, sendJson, sendText } from './http-replies';

/** The JSON payload of a call, or the reason it cannot be one (already answered). */
async function readPayload(
  req: IncomingMessage,
  res: ServerResponse,
  maxBody: number,
): Promise<{ payload: unknown } | null> {
  const body = await readBody(req, maxBody);
  if (body === null) {
    const mb = Math.round(maxBody / (1024 * 1024));
    refuse(res, req, 413, `The request is larger than the ${mb} MB a call may send.`);
    return null;
  }
  let payload: unknown;
  try {
    payload = body.length ? JSON.parse(body) : {};
  } catch {
    refuse(res, req, 400, 'The request body is not JSON.');
    return null;
  }
  const deep = tooDeepAt(payload);
  if (deep !== null) {
    refuse(res, req, 400, tooDeepMessage(deep));
    return null;
  }
  return { payload };
}

/**
 * One contract call, `POST /api/call/NAME` with the token header: its payload read (bounded in
 * size and depth) and dispatched; the Result answered as JSON.
 */
export async function answerCall(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiContext,
  maxBody: number,
): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
  // Calls need the header, not just the cookie: a cross-site form cannot set it.
  if (headerValue(req.headers[TOKEN_HEADER]) === undefined)
    return sendText(res, 401, `Unauthorized: calls need the ${TOKEN_HEADER} header.`);
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
  } catch {
    return refuse(res, req, 400, 'The call name in the address has a broken %-escape.');
  }
  const read = await readPayload(req, res, maxBody);
  if (read) sendJson(res, await dispatch(name, read.payload, ctx));
}
