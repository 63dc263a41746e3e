#!/usr/bin/env node
// The `mailwright` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('mailwright: not built yet. Run `npm run build` in the project folder first.\n');
  process.exit(2);
}
await import(cli.href);
