import { test as base, type Page } from '@playwright/test';
import { startYunweiServer, type RunningYunweiServer, type ServerAccount } from './yunwei-server';

/** Meets the password policy (≥ 8 characters, 3 of 4 classes). */
export const E2E_PASSWORD = 'Yunwei#2026';

/**
 * The accounts of the sync specs: two engineers stationed for subsystems 1 and 5 (two PCs), one for
 * subsystem 7 only, whose scope excludes the others' records, one for 5 and 7 (sharing 5 with the
 * first two), and a service manager of the document system's first unit.
 */
export const ACCOUNTS = {
  zhangsan: { name: 'zhangsan', role: 'engineer', subsystems: [1, 5], password: E2E_PASSWORD },
  lisi: { name: 'lisi', role: 'engineer', subsystems: [1, 5], password: E2E_PASSWORD },
  wangwu: { name: 'wangwu', role: 'engineer', subsystems: [7], password: E2E_PASSWORD },
  zhaoliu: { name: 'zhaoliu', role: 'engineer', subsystems: [5, 7], password: E2E_PASSWORD },
  qianqi: { name: 'qianqi', role: 'service_manager', units: [1], password: E2E_PASSWORD },
  // The browser build offline (offline-browser-sync.spec.ts): its own account, so that the tickets it
  // logs are nobody else's open work in the specs that count theirs.
  zhouba: { name: 'zhouba', role: 'engineer', subsystems: [1, 5], password: E2E_PASSWORD },
} as const satisfies Record<string, ServerAccount>;

/** What the pages of a test said on their consoles (warnings and errors) and what they threw. */
export interface BrowserLog {
  /** Starts recording `page`'s warnings, errors and uncaught exceptions under `label`. */
  watch(page: Page, label: string): void;
}

/**
 * Playwright's test with a real server (`yunwei serve` on a fresh database) holding ACCOUNTS, started
 * once per worker; `baseURL` points at it, which also serves the built renderer. `browserLog` prints
 * what the watched pages logged when a test fails: a sync that went wrong in CI explains itself there,
 * where the trace is not kept.
 */
export const test = base.extend<{ browserLog: BrowserLog }, { syncServer: RunningYunweiServer }>({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  browserLog: async ({}, use, testInfo) => {
    const lines: string[] = [];
    const stamp = () => new Date().toISOString().slice(11, 23);
    await use({
      watch(page, label) {
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') {
            lines.push(`${stamp()} [${label}] ${message.type()}: ${message.text()}`);
          }
        });
        page.on('pageerror', (error) =>
          lines.push(`${stamp()} [${label}] uncaught: ${error.stack ?? error.message}`),
        );
      },
    });
    if (testInfo.status !== testInfo.expectedStatus && lines.length > 0) {
      console.error(`What the pages logged:\n${lines.join('\n')}`);
    }
  },
  syncServer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startYunweiServer(Object.values(ACCOUNTS));
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ syncServer }, use) => {
    await use(syncServer.url);
  },
});

export { expect } from '@playwright/test';
