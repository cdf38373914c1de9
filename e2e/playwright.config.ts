import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * The renderer in Debian's Chromium. Browsers are never downloaded: CHROMIUM_PATH or /usr/bin/chromium
 * is used as is.
 * - `chromium-shanghai`, `chromium-new-york`: against a real server (support/test.ts starts it);
 * - `offline`: the built renderer served as static files with NO server (support/offline-test.ts):
 *   the engineer's offline day, the store's crash test;
 * - `sync`: two browser contexts (two PCs) against a real server with accounts (support/sync-test.ts);
 * - `electron`: the desktop shell.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `找不到 Chromium：${chromiumPath}（Debian 上请安装 chromium 软件包，或设置 CHROMIUM_PATH）`,
  );
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const ELECTRON_SPECS = /electron\/.*\.spec\.ts$/;
const OFFLINE_SPECS = /(tickets|inspections|crash|session)\.spec\.ts$/;
const SYNC_SPECS = /sync\.spec\.ts$/;

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  // Two cores shared with the server under test: one worker keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    viewport: { width: 1366, height: 768 },
    deviceScaleFactor: 1,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium-shanghai',
      testIgnore: [ELECTRON_SPECS, OFFLINE_SPECS, SYNC_SPECS],
      use: { timezoneId: 'Asia/Shanghai' },
    },
    {
      // A PC set to another zone must still see Beijing time and the Chinese working calendar.
      name: 'chromium-new-york',
      testIgnore: [ELECTRON_SPECS, OFFLINE_SPECS, SYNC_SPECS],
      use: { timezoneId: 'America/New_York' },
    },
    {
      name: 'offline',
      testMatch: OFFLINE_SPECS,
      use: { timezoneId: 'Asia/Shanghai' },
    },
    {
      name: 'sync',
      testMatch: SYNC_SPECS,
      use: { timezoneId: 'Asia/Shanghai' },
    },
    {
      name: 'electron',
      testMatch: ELECTRON_SPECS,
    },
  ],
});
