// Bundles the Node side: the CLI (ESM), the Electron main process and the sandboxed preload (CJS).
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
    entryPoints: ['main/cli/index.ts'],
    outfile: 'dist/cli.js',
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
