import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { OfflineShellPage } from '../pages/offline-shell-page';
import { SessionPage } from '../pages/session-page';
import { SubsystemsPage } from '../pages/subsystems-page';
import { REPO_ROOT } from '../support/repo-root';
import { startStaticRenderer, type StaticRenderer } from '../support/static-renderer';

/**
 * A new browser build deployed on the server (issue 17): the open app announces 新版本可用 and keeps
 * running the version it started with; the next start runs the new one. The "new build" is a real
 * Vite build of this tree with another version number, written where the server serves the app.
 */
const NEW_VERSION = '0.1.1-e2e';

test.describe.configure({ timeout: 300_000 });

let work: string;
let site: string;
let newBuild: string;
let server: StaticRenderer;

// Playwright reads a hook's fixtures from its first parameter, so it must be a pattern.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  // Its second build takes a minute, and the time zone changes nothing it shows.
  const repeatsShanghai = testInfo.project.name !== 'chromium-shanghai';
  test.skip(repeatsShanghai, 'one build switch is enough: the New York project would only repeat it');
  work = await mkdtemp(path.join(tmpdir(), 'yunwei-new-version-'));
  site = path.join(work, 'site');
  newBuild = path.join(work, 'new-build');
  await build({
    configFile: path.join(REPO_ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(NEW_VERSION) },
    build: { outDir: newBuild, emptyOutDir: true, sourcemap: false },
  });
  await cp(path.join(REPO_ROOT, 'dist', 'renderer'), site, { recursive: true });
  server = await startStaticRenderer(site);
});

test.afterAll(async () => {
  await server?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

test('announces 新版本可用 and runs the new build on the next start', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const shell = new OfflineShellPage(page);
  await page.goto('/');
  await new SessionPage(page).signIn();
  await shell.waitUntilPrecached();
  const started = await new SubsystemsPage(page).hostVersion.textContent();
  expect(started).not.toContain(NEW_VERSION);

  // Deploy: the server now serves the new build.
  await rm(site, { recursive: true, force: true });
  await cp(newBuild, site, { recursive: true });

  await page.reload();
  await expect(shell.newVersion).toBeVisible({ timeout: 30_000 });
  await expect(new SubsystemsPage(page).hostVersion).toHaveText(started ?? '');
  await page.close();

  // The next start: with no tab of the app open, the waiting version takes over.
  await expect(async () => {
    const next = await context.newPage();
    try {
      await next.goto('/');
      await new SessionPage(next).signIn();
      await expect(new SubsystemsPage(next).hostVersion).toHaveText(`浏览器版 ${NEW_VERSION}`, {
        timeout: 5_000,
      });
    } finally {
      await next.close();
    }
  }).toPass({ timeout: 60_000 });
  await context.close();
});
