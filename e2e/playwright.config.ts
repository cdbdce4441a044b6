import { defineConfig } from '@playwright/test';

// Debian's Chromium, not a downloaded one: the machine has no network for browser downloads.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Two cores: one worker keeps server and browser from starving each other.
  workers: 1,
  fullyParallel: false,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  reporter: 'list',
  outputDir: '../test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
