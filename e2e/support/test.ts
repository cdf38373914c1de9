import { test as base } from '@playwright/test';
import { startYunweiServer, type RunningYunweiServer } from './yunwei-server';

/**
 * Playwright's test with `baseURL` pointing at a real server (`yunwei serve` on a fresh database),
 * started once per worker: only the specs that need it start it, so the offline project never does.
 */
export const test = base.extend<object, { yunweiServer: RunningYunweiServer }>({
  yunweiServer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startYunweiServer();
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ yunweiServer }, use) => {
    await use(yunweiServer.url);
  },
});

export { expect } from '@playwright/test';
