import type { Protocol } from 'electron';
import { readStatic } from '../host/static-files';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

/** The scheme the renderer is served from (a custom protocol instead of file://, as Electron's security guide advises). */
export const APP_SCHEME = 'mailwright';
/** The renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Serve the built renderer under mailwright://app/ with the CSP header. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
}
