// `npm test`: vitest (unit + integration) then Playwright (end-to-end), both always run; prints one
// closing line "tests: N passed, N failed, N skipped" over both, and fails if either failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

mkdirSync('test-output', { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;
const vitestJson = 'test-output/vitest.json';
const pwJson = 'test-output/playwright.json';

const v = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...process.argv.slice(2)], { stdio: 'inherit' });
const p = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
});

let passed = 0, failed = 0, skipped = 0;
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}
const ok = v.status === 0 && p.status === 0;
if (!ok && failed === 0) failed = 1; // a runner crashed before counting: never report a clean run
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
