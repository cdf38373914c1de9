import { test as base } from '@playwright/test';
import { serverBaseUrl } from './base-url';

/** Playwright's test with `baseURL` pointing at the server global setup started. */
export const test = base.extend({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(serverBaseUrl());
  },
});

export { expect } from '@playwright/test';
