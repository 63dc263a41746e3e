import type { IncomingMessage, ServerResponse } from 'node:http';
import { readStatic } from './static-files';
import { CONTENT_SECURITY_POLICY } from './csp';
import { sendText } from './http-replies';

/**
 * A file of the built renderer (GET or HEAD). The page itself gets the CSP, no framing, and the
 * token cookie (`cookie`), so its later requests are let in without the token in the address.
 */
export async function serveRendererFile(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rendererDir: string,
  cookie: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendText(res, 405, 'Method not allowed.');
  const file = await readStatic(rendererDir, url.pathname);
  if (!file) return sendText(res, 404, 'Not found. (Was the renderer built? Run `npm run build`.)');
  const headers: Record<string, string> = {
    'content-type': file.type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  if (file.type.startsWith('text/html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['x-frame-options'] = 'DENY';
    headers['set-cookie'] = `${cookie}; HttpOnly; SameSite=Strict; Path=/`;
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
