import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import type { HttpHost } from '../../../main/host/http-host';
import { startTestHost, type TestHost } from './test-host';

let started: TestHost;
let host: HttpHost;
beforeAll(async () => {
  started = await startTestHost('host');
  host = started.host;
});
afterAll(() => started.stop());

/** A raw HTTP request, so the test controls the Host header exactly. */
function raw(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path,
          method: opts.method ?? 'GET',
          headers: opts.headers,
          timeout: 5000,
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(opts.body);
    },
  );
}

const own = () => ({ host: `127.0.0.1:${host.port}` });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page with the token, with a CSP and a token cookie', async () => {
    const r = await raw(`/?token=${host.token}`, { headers: own() });
    expect(r.status).toBe(200);
    expect(r.body).toContain('Mailwright');
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(r.headers['set-cookie'])).toContain('HttpOnly');
  });

  it('refuses a request without the token', async () => {
    const r = await raw('/', { headers: own() });
    expect(r.status).toBe(401);
    const call = await raw('/api/call/projects.list', {
      method: 'POST',
      headers: { ...own(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(call.status).toBe(401);
  });

  it('tells a person who opens an old or token-less address what to do, in a page', async () => {
    const old = await raw(`/?token=${'x'.repeat(host.token.length)}`, { headers: own() });
    expect(old.status).toBe(401);
    expect(String(old.headers['content-type'])).toContain('text/html');
    expect(old.body).toContain('This address is from an earlier start');
    expect(old.body).toContain('Use the address printed in the terminal');
    expect(old.body).not.toContain('<script');
    expect(String(old.headers['content-security-policy'])).toContain("default-src 'none'");
    const bare = await raw('/', { headers: own() });
    expect(bare.body).toContain('Open the address printed in the terminal');
    // Files and calls keep the short text answer.
    const js = await raw('/assets/x.js', { headers: own() });
    expect(js.body).toMatch(/^Unauthorized/);
  });

  it('refuses a wrong token', async () => {
    const r = await raw('/api/call/projects.list', {
      method: 'POST',
      headers: { ...own(), 'x-mailwright-token': 'x'.repeat(host.token.length) },
      body: '{}',
    });
    expect(r.status).toBe(401);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const r = await raw(`/?token=${host.token}`, {
      headers: { host: `evil.example:${host.port}` },
    });
    expect(r.status).toBe(403);
    const call = await raw('/api/call/projects.list', {
      method: 'POST',
      headers: { host: 'evil.example', 'x-mailwright-token': host.token },
      body: '{}',
    });
    expect(call.status).toBe(403);
  });

  it('refuses calls from another web page (Origin)', async () => {
    const r = await raw('/api/call/projects.list', {
      method: 'POST',
      headers: { ...own(), origin: 'https://evil.example', 'x-mailwright-token': host.token },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });

  it('answers contract calls with the token header', async () => {
    const created = await raw('/api/call/projects.create', {
      method: 'POST',
      headers: { ...own(), 'x-mailwright-token': host.token, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Over HTTP' }),
    });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
    const list = await raw('/api/call/projects.list', {
      method: 'POST',
      headers: { ...own(), 'x-mailwright-token': host.token },
      body: '{}',
    });
    expect(JSON.parse(list.body).value.projects[0].name).toBe('Over HTTP');
  });

  it('does not let a cookie alone make calls (CSRF)', async () => {
    const r = await raw('/api/call/projects.list', {
      method: 'POST',
      headers: { ...own(), cookie: `mailwright_token_${host.port}=${host.token}` },
      body: '{}',
    });
    expect(r.status).toBe(401);
  });

  it('never serves files outside the renderer folder', async () => {
    const r = await raw(`/..%2f..%2fetc%2fpasswd?token=${host.token}`, { headers: own() });
    expect(r.status).toBe(404);
  });

  it('streams contract events over Server-Sent Events', async () => {
    const got = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/events?token=${host.token}`,
          headers: own(),
        },
        (res) => {
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString();
            if (buf.includes('event: projects.changed')) {
              req.destroy();
              resolve(buf);
            }
          });
          void raw('/api/call/projects.create', {
            method: 'POST',
            headers: { ...own(), 'x-mailwright-token': host.token },
            body: JSON.stringify({ name: 'Evented' }),
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(got).toMatch(/data: \{"id":"[a-f0-9-]+","change":"saved"\}/);
  });
});
