import { postgresBackend } from './test-databases';

/**
 * Vitest global setup: says once, at the top of a run, that the PostgreSQL half of the integration
 * suites is skipped and why. The suites' titles carry the reason too, but the default reporter prints
 * only a count of skipped tests.
 */
export default function announcePostgresSkip(): void {
  if (postgresBackend.skipReason === undefined) return;
  process.stderr.write(
    `PostgreSQL integration suites skipped: ${postgresBackend.skipReason} ` +
      '(point it at a PostgreSQL server the tests may create and drop databases on; .ci/run starts one).\n',
  );
}
