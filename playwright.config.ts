import { defineConfig } from '@playwright/test';

// End-to-end tests: the real renderer in Debian's Chromium, served by `mailwright serve` (browser mode).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-output/playwright',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1200, height: 800 },
    launchOptions: {
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
    },
  },
});
