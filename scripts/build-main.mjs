// Bundles the Node side: the CLI (ESM, split per command), the Electron main process and the sandboxed preload (CJS).
// The preload must be one self-contained file: a sandboxed preload can only require('electron').
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
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
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/electron-main.cjs',
    format: 'cjs',
    external: ['electron'],
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'dist/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
