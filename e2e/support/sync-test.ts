import { test as base } from '@playwright/test';
import { startYunweiServer, type RunningYunweiServer, type ServerAccount } from './yunwei-server';

/** Meets the password policy (≥ 8 characters, 3 of 4 classes). */
export const E2E_PASSWORD = 'Yunwei#2026';

/**
 * The accounts of the sync specs: two engineers stationed for subsystems 1 and 5 (two PCs), and one
 * for subsystem 7 only, whose scope excludes the others' records.
 */
export const ACCOUNTS = {
  zhangsan: { name: 'zhangsan', role: 'engineer', subsystems: [1, 5], password: E2E_PASSWORD },
  lisi: { name: 'lisi', role: 'engineer', subsystems: [1, 5], password: E2E_PASSWORD },
  wangwu: { name: 'wangwu', role: 'engineer', subsystems: [7], password: E2E_PASSWORD },
} as const satisfies Record<string, ServerAccount>;

/**
 * Playwright's test with a real server (`yunwei serve` on a fresh database) holding ACCOUNTS, started
 * once per worker; `baseURL` points at it, which also serves the built renderer.
 */
export const test = base.extend<object, { syncServer: RunningYunweiServer }>({
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
