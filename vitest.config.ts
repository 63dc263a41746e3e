import { defineConfig } from 'vitest/config';

// Unit tests (pure and main-side) and integration tests against real peers on loopback.
// End-to-end browser tests run under Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start their own Knot/Unbound/Postfix on distinct ports; keep files
    // in parallel but bounded for a 2-core machine.
    maxWorkers: 2,
  },
});
