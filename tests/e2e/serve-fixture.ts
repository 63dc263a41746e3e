import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running `mailwright serve`, started the way a user starts it. */
export interface Served {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Start `node bin/mailwright.js serve --no-open` on a data folder and wait for its address.
 * `extraArgs` are serve's own options (e.g. --resolver, --ns-port, --no-smtp for loopback peers);
 * `env` adds environment variables (e.g. NODE_EXTRA_CA_CERTS to trust a test CA).
 */
export async function serve(
  dataDir: string,
  extraArgs: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/mailwright.js', '--data', dataDir, 'serve', '--no-open', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Tests get a fresh data folder and a server on it. */
export const test = base.extend<{ served: Served }>({
  // Playwright requires the object pattern for fixtures without dependencies.
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mw-e2e-'));
    // Nothing answers on port 1: the look-ups the wizard makes by itself (what the domain
    // publishes) stay on loopback and end as "could not look up", as with no network.
    const s = await serve(dataDir, ['--resolver', '127.0.0.1:1', '--timeout', '1500']);
    await use(s);
    await s.stop();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Where screenshots go: test-output/screenshots/<name>.png. */
export function shot(name: string): string {
  return join('test-output', 'screenshots', `${name}.png`);
}

/**
 * `serve` flags that point every check at loopback peers: the resolver (Unbound), the port the
 * nameservers answer on (Knot), and no block lists, SMTP or control MX.
 */
export function loopbackServeArgs(resolver: string, nsPort: number): string[] {
  return [
    '--resolver',
    resolver,
    '--ns-port',
    String(nsPort),
    '--no-smtp',
    '--no-dnsbl',
    '--control-mx',
    'none',
    '--timeout',
    '1500',
  ];
}
