import { expect, test as base } from '@playwright/test';
import { OnSitePage } from '../pages/onsite-page';
import { ServerLoginPage } from '../pages/server-login-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { type RunningYunweiServer, type ServerAccount, startYunweiServer } from '../support/yunwei-server';

/**
 * 驻场 (issue 14 §5), against the real server: the engineer stationed at 基金监管 (subsystem 8: two
 * engineers on site, at least 60 working days a year) records yesterday through the dialog, then
 * today with one keystroke, which carries yesterday's summary; a second keystroke records nothing
 * twice. The days sync, refused for no one.
 */

const PASSWORD = 'Yunwei#2026';
const ENGINEER: ServerAccount = { name: 'chenqiang', role: 'engineer', subsystems: [8], password: PASSWORD };

const test = base.extend<object, { onsiteServer: RunningYunweiServer }>({
  onsiteServer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startYunweiServer([ENGINEER]);
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test.describe.configure({ timeout: 180_000 });

/** A Shanghai day `YYYY-MM-DD`, `offset` days from today. */
function shanghaiDay(offset: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

test('an engineer records today on site with one keystroke, carrying yesterday’s summary', async ({
  browser,
  onsiteServer,
}) => {
  const today = shanghaiDay(0);
  const yesterday = shanghaiDay(-1);
  const context = await browser.newContext({
    baseURL: onsiteServer.url,
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  await new ServerLoginPage(page).signIn(onsiteServer.url, ENGINEER.name, PASSWORD, '/');
  const onsite = new OnSitePage(page);
  await onsite.openFromMenu();
  await expect(onsite.todayState).toContainText('还没有登记');
  await expect(onsite.subsystemCard(8).getByTestId('onsite-workdays')).toContainText('要求 ≥ 60 个');

  // Yesterday, if it is in this month's list, shows there; its summary is what today carries on.
  await onsite.recordDay({ date: yesterday, presence: '驻场', summary: '基金监管系统对账问题处理' });
  await expect(onsite.savedMessage).toContainText(`已保存 ${yesterday}`);

  await page.keyboard.press('t');
  await expect(onsite.savedMessage).toContainText('已登记今天驻场（基金监管，8 小时）');
  await expect(onsite.today).toHaveText('今天已登记');
  await expect(onsite.todayState).toContainText(`今天 ${today} 已登记：驻场 8 小时`);
  await expect(onsite.todayState).toContainText('基金监管系统对账问题处理');
  const todayRow = onsite.days.filter({ hasText: today });
  await expect(todayRow).toHaveCount(1);
  await expect(todayRow).toContainText('8 小时');

  // The same key again records nothing twice.
  await page.keyboard.press('t');
  await expect(page.locator('.ant-message')).toContainText('今天（基金监管）已登记');
  await expect(onsite.days.filter({ hasText: today })).toHaveCount(1);

  const sync = new SyncStatusPage(page);
  await sync.syncNow();
  await sync.waitUntilSynced();
  await expect(sync.badge).toHaveAttribute('data-rejected', '0');
  await manualScreenshot(page, 'onsite-month');
  await context.close();
});
