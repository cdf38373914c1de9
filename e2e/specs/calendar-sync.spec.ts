import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, type Browser, type Page } from '@playwright/test';
import { CalendarPage } from '../pages/calendar-page';
import { ServerLoginPage } from '../pages/server-login-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { TicketsNewPage } from '../pages/tickets-new-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { REPO_ROOT } from '../support/repo-root';
import { type RunningYunweiServer, type ServerAccount, startYunweiServer } from '../support/yunwei-server';
import { expect } from '@playwright/test';

/**
 * Next year's calendar (issue 12, "Must show"): the project lead adds the 2027 notice on one PC; an
 * engineer's PC, after its next sync, shows the recomputed deadline of an open ticket that was 暂定,
 * and the ticket's history says why. Both PCs' clocks stand on 2027-02-18 10:00 Beijing time, a
 * subsystem 4 data ticket's 15 working days then run through the fixture notice's 调休 Saturday
 * 2027-02-20, so the deadline moves a day (2027-03-12 → 2027-03-11).
 */

const PASSWORD = 'Yunwei#2026';
const LEAD: ServerAccount = { name: 'fuzeren', role: 'project_lead', password: PASSWORD };
const ENGINEER: ServerAccount = { name: 'sunba', role: 'engineer', subsystems: [4], password: PASSWORD };
const NOW = new Date('2027-02-18T02:00:00Z');
const NOTICE_2027 = readFileSync(path.join(REPO_ROOT, 'core/src/calendar/fixtures/notice-2027.json'), 'utf8');
/** The browsers' clocks are months ahead of the server's: it must take their writes. */
const DRIFT_MINUTES = String(400 * 24 * 60);

const test = base.extend<object, { calendarServer: RunningYunweiServer }>({
  calendarServer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startYunweiServer([LEAD, ENGINEER], {
        YUNWEI_MAX_CLOCK_DRIFT_MINUTES: DRIFT_MINUTES,
      });
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test.describe.configure({ timeout: 240_000 });

async function signedIn(browser: Browser, url: string, account: ServerAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  // The clock runs from there, so that each sync round is told from the one before.
  await page.clock.install({ time: NOW });
  await new ServerLoginPage(page).signIn(url, account.name, PASSWORD);
  return page;
}

test('the lead adds the 2027 notice; the engineer’s 暂定 deadline is recomputed after sync, with the reason in history', async ({
  browser,
  calendarServer,
}) => {
  const engineer = await signedIn(browser, calendarServer.url, ENGINEER);
  const form = new TicketsNewPage(engineer);
  await engineer.goto('/#/tickets/new');
  await form.title.fill('养老保险待遇数据需要批量修正');
  await form.reporterUnit.fill('社保局信息科');
  await form.reporterPerson.fill('王老师');
  await form.subsystem.click();
  await engineer.keyboard.type('劳动关系');
  await engineer.keyboard.press('Enter');
  await engineer.getByTestId('field-category').click();
  await engineer.locator('.ant-select-item-option', { hasText: '数据维护' }).click();
  await engineer.keyboard.press('Control+Enter');
  const detail = new TicketsDetailPage(engineer);
  await expect(detail.status).toHaveText('新建');
  const provisional = engineer.getByTestId('clock-resolution-provisional');
  await expect(provisional).toContainText('暂定：2027 年的节假日安排（国务院通知）尚未发布');
  const engineerSync = new SyncStatusPage(engineer);
  await engineerSync.waitUntilSynced();

  const lead = await signedIn(browser, calendarServer.url, LEAD);
  const calendar = new CalendarPage(lead);
  await calendar.open();
  await expect(calendar.yearState).toHaveText('暂定：尚无国务院通知');
  await expect(calendar.day('2027-02-20')).toHaveAttribute('data-kind', 'weekend');
  await manualScreenshot(lead, 'calendar-provisional');

  await calendar.addButton.click();
  await calendar.pasteTab.click();
  await calendar.paste.fill(NOTICE_2027.replace('"2027-02-20"', '"2027-02-22"'));
  await expect(calendar.issues).toContainText('调休上班日 2027-02-22 是星期一');
  await expect(calendar.save).toBeDisabled();
  await calendar.paste.fill(NOTICE_2027);
  await expect(lead.locator('.notice-editor__preview [data-date="2027-02-20"]')).toHaveAttribute(
    'data-kind',
    'adjusted-workday',
  );
  await manualScreenshot(lead, 'calendar-notice-editor');
  await calendar.save.click();
  await expect(lead.getByText('已保存 2027 年节假日安排')).toBeVisible();
  await expect(calendar.yearState).toHaveText('已发布（管理员添加）');
  await expect(calendar.day('2027-02-20')).toHaveAttribute('data-kind', 'adjusted-workday');
  await manualScreenshot(lead, 'calendar-published');

  await engineerSync.syncNow();
  await expect(provisional).toHaveCount(0);
  await detail.historyTab.click();
  const recomputed = detail.historySaves.filter({ hasText: '2027 年节假日安排已发布，时限重新计算' });
  await expect(recomputed).toHaveCount(1);
  await expect(recomputed).toContainText('解决时限');
  await expect(recomputed).toContainText('2027-03-12 00:00（暂定）');
  await expect(recomputed).toContainText('2027-03-11 00:00');
  await expect(recomputed).toContainText('系统');
  await manualScreenshot(engineer, 'calendar-recomputed-history');
});
