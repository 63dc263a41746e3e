import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../main/host/csp';

// The renderer's weight is a product target (bench/renderer-bench.ts): every .js the app can
// load, lazy steps included, at most 250 KB gzip. The two regressions that cost the most came
// from imports that look harmless, so this builds the renderer from the current source (not
// whatever is in dist/) and names the module that brought them back.
const BUDGET_KB = 250;

let dir = '';
let chunks: Rollup.OutputChunk[] = [];
let indexHtml = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-bundle-'));
  // vitest sets NODE_ENV=test, and vite would then bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      configFile: 'vite.config.ts',
      mode: 'production',
      logLevel: 'silent',
      build: { outDir: dir, write: false, sourcemap: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  chunks = outputs
    .flatMap((o) => o.output)
    .filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const html = outputs.flatMap((o) => o.output).find((a) => a.fileName === 'index.html');
  indexHtml = html?.type === 'asset' ? String(html.source) : '';
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every module bundled into the renderer, by chunk. */
function modulesMatching(pattern: RegExp): string[] {
  return chunks.flatMap((c) =>
    c.moduleIds.filter((id) => pattern.test(id)).map((id) => `${c.fileName}: ${id}`),
  );
}

describe('the renderer bundle', () => {
  it('has no schema library: main checks every payload, the renderer needs only types', () => {
    // A value imported from a file that also defines zod schemas (import it from the zod-free
    // file instead: plan-choices.ts, status.ts, draft-defaults.ts, plan-check.ts).
    expect(modulesMatching(/[\\/]node_modules[\\/]zod[\\/]/)).toEqual([]);
  });

  it("takes tldts's prebuilt file, not its es6 source with the unpacked suffix trie", () => {
    // vite.config.ts aliases tldts to dist/index.esm.min.js.
    expect(modulesMatching(/[\\/]tldts[\\/]dist[\\/]es6[\\/]|[\\/]tldts-core[\\/]/)).toEqual([]);
    expect(modulesMatching(/[\\/]tldts[\\/]dist[\\/]index\.esm\.min\.js$/)).toHaveLength(1);
  });

  it(`is at most ${BUDGET_KB} KB of JavaScript (gzip), lazy steps included`, () => {
    const sizes = chunks.map((c) => ({ file: c.fileName, gzip: gzipSync(c.code).length }));
    const totalKb = sizes.reduce((n, s) => n + s.gzip, 0) / 1024;
    const biggest = [...sizes]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3)
      .map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`)
      .join(', ');
    expect(
      totalKb,
      `all JavaScript ${totalKb.toFixed(1)} KB; biggest: ${biggest}`,
    ).toBeLessThanOrEqual(BUDGET_KB);
  });
});

describe("the page's own Content Security Policy", () => {
  it('is the policy the hosts send as a header, less what a meta tag cannot carry', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(indexHtml);
    const content = (meta?.[1] ?? '').replaceAll('&#39;', "'");
    expect(content).toBe(CONTENT_SECURITY_POLICY_META);
    expect(CONTENT_SECURITY_POLICY).toContain(content);
    expect(content).toContain("script-src 'self'");
    expect(content).not.toContain('frame-ancestors');
  });
});
