import { startYunweiServer } from './yunwei-server';
import { BASE_URL_VARIABLE } from './base-url';

/**
 * One server for the whole run. Its URL reaches the test workers through the environment, which they
 * inherit; the returned function is Playwright's teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startYunweiServer();
  process.env[BASE_URL_VARIABLE] = server.url;
  return () => server.stop();
}
