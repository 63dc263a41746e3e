import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The renderer's weight and first paint: gzip size of the JavaScript loaded at start and of all
 * the JavaScript (steps load lazily), and the first contentful paint of the Projects screen in
 * Debian's Chromium through `mailwright serve` (median of 5 fresh page loads). Needs `npm run build`.
 */
export async function rendererBench(): Promise<void> {
  const assets = join('dist', 'renderer', 'assets');
  const html = await readFile(join('dist', 'renderer', 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/assets\/([\w.-]+\.js)/g)].map((m) => m[1]!));
  let initialGz = 0;
  let totalGz = 0;
  for (const f of await readdir(assets)) {
    if (!f.endsWith('.js')) continue;
    const gz = gzipSync(await readFile(join(assets, f))).length;
    totalGz += gz;
    if (initial.has(f)) initialGz += gz;
  }
  console.log('renderer: bundle (gzip)');
  console.log(`  JavaScript loaded at start: ${(initialGz / 1024).toFixed(1)} KB`);
  console.log(
    `  all JavaScript, with the lazily loaded steps: ${(totalGz / 1024).toFixed(1)} KB (target <= 250 KB)`,
  );

  const dataDir = await mkdtemp(join(tmpdir(), 'mw-bench-'));
  const server = spawn(
    process.execPath,
    ['bin/mailwright.js', '--data', dataDir, 'serve', '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
        if (m) resolve(m[0]);
      });
      server.on('exit', () => reject(new Error(`serve exited: ${out}`)));
    });
    const paints: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.getByRole('heading', { name: 'Your mail setups' }).waitFor();
      // The paint entry can arrive after the heading is on screen: wait for it (buffered), so
      // no load drops out of the median for being read too early.
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const observer = new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0];
              if (!entry) return;
              observer.disconnect();
              resolve(entry.startTime);
            });
            // Node's types lack the browser's 'paint' entry type; this runs in Chromium.
            observer.observe({ type: 'paint' as 'mark', buffered: true });
            setTimeout(() => resolve(Number.NaN), 3000);
          }),
      );
      if (Number.isFinite(fcp)) paints.push(fcp);
      await context.close();
    }
    paints.sort((a, b) => a - b);
    const median = paints[Math.floor(paints.length / 2)] ?? Number.NaN;
    console.log(
      `  first contentful paint, Projects screen (median of ${paints.length}): ${median.toFixed(0)} ms (target < 300 ms) [${paints.map((p) => p.toFixed(0)).join(', ')}]`,
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}
