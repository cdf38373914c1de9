import { test as base } from '@playwright/test';
import { startStaticRenderer, type StaticRenderer } from './static-renderer';

/**
 * Playwright's test for the offline project: `baseURL` is the built renderer served as static files
 * with no API server anywhere, as on a department PC that cannot reach the server.
 */
export const test = base.extend<object, { staticRenderer: StaticRenderer }>({
  staticRenderer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const renderer = await startStaticRenderer();
      try {
        await use(renderer);
      } finally {
        await renderer.stop();
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ staticRenderer }, use) => {
    await use(staticRenderer.url);
  },
});

export { expect } from '@playwright/test';
