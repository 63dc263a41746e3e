import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The command as users run it: the bundled dist/cli/ behind bin/mailwright.js (ESM resolution,
// bundling and the version stamp are only exercised this way).
const run = promisify(execFile);

async function mailwright(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/mailwright.js', ...args], {
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The newest modification time of the TypeScript sources under these folders. */
async function newestSource(folders: string[]): Promise<number> {
  let newest = 0;
  for (const folder of folders) {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}

let dir: string;
beforeAll(async () => {
  // The bundle is built once by `npm test` (npm run build) before any suite runs; rebuilding it
  // here would rewrite dist/ while other suites (browser mode, the CLI tests) load it.
  const built = await stat('dist/cli/index.js').then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built < (await newestSource(['main', 'shared'])))
    throw new Error(
      'dist/cli is missing or older than main/ or shared/: run `npm run build` first (`npm test` does).',
    );
  dir = await mkdtemp(join(tmpdir(), 'mw-bin-'));
  await writeFile(
    join(dir, 'plan.json'),
    JSON.stringify({
      domain: 'example.test',
      mailHost: 'mail.example.test',
      ipv4: ['192.0.2.10'],
      mode: 'send-receive',
    }),
  );
  await writeFile(
    join(dir, 'bad.json'),
    JSON.stringify({ domain: 'example.test', mailHost: 'mail.example.test', ipv4: ['1231233'] }),
  );
}, 90_000);

describe('the mailwright command', () => {
  it('prints its version', async () => {
    const r = await mailwright('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists its commands', async () => {
    const r = await mailwright('--help');
    for (const cmd of ['plan', 'check', 'export', 'serve']) expect(r.stdout).toContain(cmd);
  });

  it('prints the planned zone', async () => {
    const r = await mailwright('plan', '--plan', join(dir, 'plan.json'), '--zone');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mail\s+\d*\s*IN\s+A\s+192\.0\.2\.10/);
  });

  it('prints the MTA-STS policy file and the web server settings for a plan that chose it', async () => {
    const file = join(dir, 'sts.json');
    await writeFile(
      file,
      JSON.stringify({
        domain: 'example.test',
        mailHost: 'mail.example.test',
        ipv4: ['192.0.2.10'],
        security: { mtaSts: { mode: 'enforce' } },
      }),
    );
    const r = await mailwright('plan', '--plan', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '    version: STSv1\n    mode: enforce\n    mx: mail.example.test\n    max_age: 604800\n',
    );
    expect(r.stdout).toContain(
      'save the file as /var/www/mta-sts.example.test/.well-known/mta-sts.txt',
    );
    expect(r.stdout).toContain('    server_name mta-sts.example.test;');
    const json = await mailwright('plan', '--plan', file, '--json');
    const doc = JSON.parse(json.stdout) as { mtaSts: { policy: { mode: string } } };
    expect(doc.mtaSts.policy.mode).toBe('enforce');
  });

  it('exits 2 naming the field for bad input', async () => {
    const r = await mailwright('plan', '--plan', join(dir, 'bad.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ipv4[0]');
    const c = await mailwright('check', '--plan', join(dir, 'missing.json'), '--json');
    expect(c.code).toBe(2);
    expect(c.stdout).toBe('');
    expect(c.stderr).toContain('--plan');
  });

  it('exits 2 for an unknown option', async () => {
    const r = await mailwright('check', '--plan', join(dir, 'plan.json'), '--frobnicate');
    expect(r.code).toBe(2);
  });
});
