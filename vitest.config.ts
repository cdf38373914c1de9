import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@core': fileURLToPath(new URL('./core/src', import.meta.url)) },
  },
  test: {
    include: ['{core,server,electron,renderer}/**/*.test.{ts,tsx}', 'tools/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    globalSetup: ['server/src/test-support/postgres-skip-notice.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
