import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// electron-builder run for real, as `npx electron-builder --linux dir` would, up to the one thing
// this machine cannot give it: Electron's own binary (it downloads from GitHub, unreachable here).
// electronDist points at a folder this test makes, whose "electron" is NOT Electron: a shell
// script that says so, followed by a fuse wire in Electron's format with Electron's defaults, so
// that electron-builder's fuse step has something real to flip and we can read the result back.
// Everything else (dependency checks, the files list, node_modules collection, app.asar, fuses)
// is electron-builder's own code on this project's files.
const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const built = existsSync(join(ROOT, 'dist', 'electron-main.cjs'));
/**
 * app.asar may grow a little with the app, but not back to shipping modules it never loads (with
 * react, electron, zod … in `dependencies` some 23 MB more went in). Measured 20.0 MB: the
 * bundles and fonts ~4.5 MB, the rest pdfkit, fontkit and mailauth with their dependencies.
 */
const ASAR_BUDGET_BYTES = 22 * 1024 * 1024;

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's byte on the wire (@electron/fuses' FuseState, which its index does not export). */
const FUSE_OFF = '0'.charCodeAt(0);
const FUSE_ON = '1'.charCodeAt(0);
/** Electron 45's shipped fuse states, in wire order (RunAsNode … GrantFileProtocolExtraPrivileges). */
const ELECTRON_DEFAULT_FUSES = '10110001';

let work = '';
let out = '';
let log = '';
let status: number | null = null;
let files: string[] = [];

beforeAll(async () => {
  if (!built) return;
  work = await mkdtemp(join(tmpdir(), 'mw-package-'));
  const fakeDist = join(work, 'not-electron');
  out = join(work, 'release');
  await mkdir(fakeDist, { recursive: true });
  const stand_in = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\n' +
        'echo "This is not Electron: a stand-in made by tests/integration/build/packaged-app.test.ts" >&2\n' +
        'exit 1\n# ',
    ),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  await writeFile(join(fakeDist, 'electron'), stand_in);
  await chmod(join(fakeDist, 'electron'), 0o755);
  await mkdir(join(fakeDist, 'resources'));
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${fakeDist}`,
      `-c.directories.output=${out}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, CI: 'true' } },
  );
  status = r.status;
  log = `${r.stdout}\n${r.stderr}`;
  const asar = join(out, 'linux-unpacked', 'resources', 'app.asar');
  if (existsSync(asar)) files = listPackage(asar, { isPack: false });
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every package reachable from `dependencies` (what electron-builder must ship). */
function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const file = join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(file)) return;
    const p = JSON.parse(readFileSync(file, 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const d of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) walk(d);
  };
  for (const d of Object.keys(pkg.dependencies)) walk(d);
  return seen;
}

describe('electron-builder --linux dir (with a stand-in for the Electron binary)', () => {
  it('packages the app: past the dependency checks, app.asar written, fuses flipped', (ctx) => {
    if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
    expect(log).not.toMatch(/only allowed in "devDependencies"/);
    expect(status, log).toBe(0);
    expect(existsSync(join(out, 'linux-unpacked', 'mailwright'))).toBe(true);
  });

  it('puts what the app loads into app.asar', (ctx) => {
    if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
    for (const f of [
      '/package.json',
      '/dist/electron-main.cjs',
      '/dist/preload.cjs',
      '/dist/renderer/index.html',
      '/dist/renderer/favicon-16.png',
      '/dist/renderer/favicon-32.png',
      '/dist/renderer/icon-256.png',
      '/assets/fonts/DejaVuSans.ttf',
      '/assets/fonts/DejaVuSans-Bold.ttf',
      '/assets/fonts/LICENSE-DejaVu.txt',
    ])
      expect(files, f).toContain(f);
    expect(
      files.filter((f) => /^\/dist\/renderer\/assets\/.*\.js$/.test(f)).length,
    ).toBeGreaterThan(3);
    // Every package main requires at run time is shipped (a missing one would crash the app).
    const main = readFileSync(join(ROOT, 'dist', 'electron-main.cjs'), 'utf8');
    const loaded = new Set(
      [...main.matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)]
        .map((m) => m[1]!)
        .filter((n) => !n.startsWith('node:') && n !== 'electron')
        .map((n) =>
          (n.startsWith('@') ? n.split('/').slice(0, 2) : n.split('/').slice(0, 1)).join('/'),
        ),
    );
    expect(loaded.size).toBeGreaterThan(3);
    for (const name of loaded) {
      expect(Object.keys(pkg.dependencies), `${name} must be in dependencies`).toContain(name);
      expect(files, name).toContain(`/node_modules/${name}/package.json`);
    }
  });

  it('loads every package main loads, from the unpacked asar alone', async (ctx) => {
    if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
    // The trimming in electron-builder.yml must not take away a file a package needs: load each
    // one the way main does (require or import) from a copy of app.asar's contents, with Node
    // (Electron's main process runs the same Node 22 module loader).
    const copy = join(work, 'asar-contents');
    extractAll(join(out, 'linux-unpacked', 'resources', 'app.asar'), copy);
    const main = readFileSync(join(ROOT, 'dist', 'electron-main.cjs'), 'utf8');
    const specs = [...main.matchAll(/(require|import)\("([^".][^"]*)"\)/g)]
      .filter((m) => !m[2]!.startsWith('node:') && m[2] !== 'electron')
      .map((m) => [m[1]!, m[2]!] as const);
    const script = [
      "const { createRequire } = await import('node:module');",
      "const require = createRequire(process.cwd() + '/dist/electron-main.cjs');",
      ...specs.map(([how, spec]) =>
        how === 'require'
          ? `require(${JSON.stringify(spec)});`
          : `await import(${JSON.stringify(spec)});`,
      ),
      "console.log('loaded');",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: copy,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_PATH: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('loaded');
  });

  it('leaves out tests, sources, source maps, the CLI and every devDependency', (ctx) => {
    if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
    expect(files.length).toBeGreaterThan(50);
    const bad = files.filter((f) =>
      /^\/(tests|main|shared|renderer|scripts|bench|docs|release|test-output|dist\/cli|dist\/icons)(\/|$)/.test(
        f,
      ),
    );
    expect(bad).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\/(test|tests|__tests__)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\/fixtures?\//.test(f))).toEqual([]);
    const shipped = productionClosure();
    const devOnly = Object.keys(pkg.devDependencies).filter((d) => !shipped.has(d));
    expect(devOnly).toEqual(
      expect.arrayContaining(['electron', 'react', 'react-dom', 'vite', 'zod']),
    );
    for (const d of devOnly) expect(files, d).not.toContain(`/node_modules/${d}`);
    // The packaged package.json is the project's, and names the bundled main.
    const packaged = JSON.parse(
      extractFile(join(out, 'linux-unpacked', 'resources', 'app.asar'), 'package.json').toString(),
    ) as { main: string };
    expect(packaged.main).toBe('dist/electron-main.cjs');
  });

  it('keeps app.asar small', (ctx) => {
    if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
    const size = statSync(join(out, 'linux-unpacked', 'resources', 'app.asar')).size;
    console.log(`app.asar: ${(size / 1024 / 1024).toFixed(1)} MB, ${files.length} entries`);
    expect(size).toBeGreaterThan(1024 * 1024);
    expect(size).toBeLessThan(ASAR_BUDGET_BYTES);
  });

  it('flips the fuses electron-builder.yml asks for', async (ctx) => {
    if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
    const wire = (await getCurrentFuseWire(join(out, 'linux-unpacked', 'mailwright'))) as Record<
      number,
      number
    >;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_OFF);
    // Left as Electron ships it: the app keeps no cookies, and on Linux encryption would ask for
    // the desktop keyring at first launch.
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_OFF);
  });

  it('takes every platform icon from the sizes made from assets/icon.svg', async (ctx) => {
    if (!built) ctx.skip('dist/ is not built: `npm test` builds it first (npm run build).');
    // The `dir` target does not use icons, so ask electron-builder's own icon resolver (what the
    // AppImage, deb, dmg and nsis targets call) whether it takes ours or falls back to Electron's.
    type Icon = { file: string; size: number };
    const { convertIcon } = createRequire(import.meta.url)(
      'app-builder-lib/out/util/iconConverter',
    ) as {
      convertIcon(o: object): Promise<{ icons: Icon[]; isFallback?: boolean; error?: string }>;
    };
    const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
      'linux' | 'mac' | 'win',
      { icon: string }
    >;
    const resolve = (source: string, format: string) =>
      convertIcon({
        sources: [source],
        fallbackSources: [],
        roots: [join(ROOT, 'build'), ROOT],
        format,
        outDir: join(work, `icons-${format}`),
      });
    const linux = await resolve(config.linux.icon, 'set');
    expect(linux.isFallback).toBe(false);
    expect(linux.icons.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    for (const [platform, format, file] of [
      ['mac', 'icns', 'dist/icons/icon.icns'],
      ['win', 'ico', 'dist/icons/icon.ico'],
    ] as const) {
      expect(config[platform].icon).toBe(file);
      const r = await resolve(file, format);
      expect(r.error).toBeUndefined();
      expect(r.isFallback).toBe(false);
      expect(r.icons[0]!.file).toBe(join(ROOT, file));
    }
  });
});
