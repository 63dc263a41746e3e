// Bundles the Node side: the CLI (ESM, split per command), the Electron main process and the sandboxed preload (CJS).
// The preload must be one self-contained file: a sandboxed preload can only require('electron').
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version, dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Only package.json's `dependencies` load from node_modules at run time (they are what the packaged
// app ships in its node_modules); everything else used by the Node side is bundled here, plus
// electron itself, which the Electron runtime provides. Two pure-JS packages are bundled on purpose
// because they start faster inside our own chunks (the CLI's time to its first query is a bench
// target, < 200 ms): zod is some 70 small files (~40 ms to load them, ~22 ms bundled), and tldts's
// "main" entry is its source with the public-suffix trie as a huge array literal (~25 ms) where its
// prebuilt file packs the same trie into a string (~9 ms). vite.config.ts takes that same tldts
// file for the renderer. tests/integration/build/packaged-app.test.ts checks the packaged result.
const external = ['electron', ...Object.keys(dependencies)].flatMap((name) => [name, `${name}/*`]);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  alias: { tldts: 'tldts/dist/index.esm.min.js' },
  define: { __MAILWRIGHT_VERSION__: JSON.stringify(version) },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { index: 'main/cli/index.ts' },
    outdir: 'dist/cli',
    // One chunk per command, loaded on demand (see main/cli/index.ts).
    splitting: true,
    format: 'esm',
    external,
  }),
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/electron-main.cjs',
    format: 'cjs',
    external,
  }),
  build({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'dist/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
