import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../../main/host/http-host';
import { ProjectStore } from '../../../main/store/project-store';
import { EventHub } from '../../../main/api/event-hub';

// The icons browser mode serves are the ones `npm run build` made from assets/icon.svg into
// dist/renderer, and they are static files like any other: no token, no icon.
const RENDERER = join(process.cwd(), 'dist', 'renderer');
const built = existsSync(join(RENDERER, 'favicon-32.png'));

let dir = '';
let host: HttpHost;
beforeAll(async () => {
  if (!built) return;
  dir = await mkdtemp(join(tmpdir(), 'mw-icon-host-'));
  host = await startHttpHost({
    ctx: { version: 't', transport: 'http', store: new ProjectStore(dir), events: new EventHub() },
    rendererDir: RENDERER,
  });
});
afterAll(async () => {
  if (host) await host.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
        timeout: 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the app icon in browser mode', () => {
  it.for([
    ['/favicon-16.png', 'image/png', 16],
    ['/favicon-32.png', 'image/png', 32],
    ['/icon-256.png', 'image/png', 256],
    ['/favicon.ico', 'image/x-icon', 0],
  ] as const)(
    '%s: refused without the token, served with the page cookie',
    async ([path, type, size], ctx) => {
      if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
      expect((await get(path)).status).toBe(401);
      const cookie = `mailwright_token_${host.port}=${host.token}`;
      const r = await get(path, { cookie });
      expect(r.status).toBe(200);
      expect(r.type).toBe(type);
      if (size) {
        expect(r.body.subarray(1, 4).toString()).toBe('PNG');
        expect([r.body.readUInt32BE(16), r.body.readUInt32BE(20)]).toEqual([size, size]);
      } else {
        expect(r.body.readUInt16LE(2)).toBe(1); // ICO type
        expect(r.body.readUInt16LE(4)).toBeGreaterThanOrEqual(2); // 16 and 32 px at least
      }
    },
  );
});
