import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DutyPage } from '../pages/duty-page';
import { ServerLoginPage } from '../pages/server-login-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { TicketsNewPage } from '../pages/tickets-new-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { type RunningYunweiServer, type ServerAccount, startYunweiServer } from '../support/yunwei-server';

/**
 * Duty (issue 14 §3, "Must show"), against the real server: the project lead defines a sensitive
 * period for subsystem 5 (网站群, whose obligations ask for weekend, holiday and sensitive-period duty)
 * and assigns its roster; the engineer on duty writes the day's log offline, linking a ticket of the
 * day, and once online hands over to the next one on duty, who signs it off on a PC of their own; an
 * engineer of subsystem 7 receives none of it. Every PC's clock stands on 2026-09-30 10:00 Beijing
 * time, the last day of the period, the eve of National Day.
 */

const PASSWORD = 'Yunwei#2026';
const LEAD: ServerAccount = { name: 'fuzeren', role: 'project_lead', password: PASSWORD };
const ON_DUTY: ServerAccount = { name: 'zhangwei', role: 'engineer', subsystems: [5], password: PASSWORD };
const NEXT: ServerAccount = { name: 'liqiang', role: 'engineer', subsystems: [5], password: PASSWORD };
const OUTSIDE: ServerAccount = { name: 'wangfang', role: 'engineer', subsystems: [7], password: PASSWORD };
const NOW = new Date('2026-09-30T02:00:00Z');
/** The browsers' clocks stand months before the server's: it must take their writes. */
const DRIFT_MINUTES = String(400 * 24 * 60);
const PERIOD = 'from=2026-09-26&to=2026-10-11';

const test = base.extend<object, { dutyServer: RunningYunweiServer }>({
  dutyServer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startYunweiServer([LEAD, ON_DUTY, NEXT, OUTSIDE], {
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

test.describe.configure({ timeout: 300_000 });

interface Pc {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly duty: DutyPage;
  readonly sync: SyncStatusPage;
}

async function signedIn(browser: Browser, url: string, account: ServerAccount): Promise<Pc> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  await new ServerLoginPage(page).signIn(url, account.name, PASSWORD, '/');
  return { context, page, duty: new DutyPage(page), sync: new SyncStatusPage(page) };
}

test('the lead plans duty for a sensitive period; the one on duty logs offline and hands over; the next signs off on their own PC; subsystem 7 receives none of it', async ({
  browser,
  dutyServer,
}) => {
  // The lead defines 国庆安保 for 网站群 and rosters its days and the first day of National Day.
  const lead = await signedIn(browser, dutyServer.url, LEAD);
  await lead.page.getByRole('menuitem', { name: '值班' }).click();
  await lead.duty.heading.waitFor();
  await lead.duty.open(`${PERIOD}&scope=5&tab=periods`);
  await expect(lead.duty.periods).toContainText('还没有重要时期');
  await lead.duty.addPeriod('国庆安保', '2026-09-28', '2026-09-30', ['网站群']);
  await expect(lead.duty.periods).toContainText('2026-09-28 至 2026-09-30（3 天）');
  await expect(lead.duty.periods).toContainText('5 网站群');
  await manualScreenshot(lead.page, 'duty-periods');

  await lead.duty.open(`${PERIOD}&scope=5`);
  await expect(lead.duty.scope).toContainText('5 网站群');
  await expect(lead.page.getByText('合同要求：负责周末、节假日及重要特殊时期的值班工作。')).toBeVisible();
  // A working day of the period is a duty day for 网站群; the 调休 Saturday 10-10 is not.
  await expect(lead.duty.day('2026-09-29')).toContainText('重要时期（国庆安保）');
  await expect(lead.duty.day('2026-10-01')).toContainText('法定节假日（国庆节）');
  await expect(lead.duty.day('2026-10-10')).toHaveCount(0);
  await expect(lead.duty.day('2026-10-11')).toContainText('周末');
  await lead.duty.assign('2026-09-30', ON_DUTY.name);
  await lead.duty.assign('2026-10-01', NEXT.name);
  await expect(lead.duty.day('2026-09-30')).toHaveAttribute('data-state', 'today');
  await expect(lead.duty.gaps).toContainText('2026-09-28 没有安排值班人员');
  await manualScreenshot(lead.page, 'duty-roster');
  await lead.sync.waitUntilSynced();

  // The engineer on duty logs a ticket of the day, sees their duty day, then loses the network.
  const onDuty = await signedIn(browser, dutyServer.url, ON_DUTY);
  await onDuty.page.goto('/#/tickets/new');
  const form = new TicketsNewPage(onDuty.page);
  await form.title.fill('网站群首页访问缓慢');
  await form.subsystem.click();
  await onDuty.page.keyboard.type('网站群');
  await onDuty.page.keyboard.press('Enter');
  await onDuty.page.keyboard.press('Control+Enter');
  await expect(new TicketsDetailPage(onDuty.page).status).toHaveText('新建');
  await onDuty.sync.waitUntilSynced();
  await expect(async () => {
    await onDuty.sync.syncNow();
    await onDuty.duty.open(`${PERIOD}&tab=mine`);
    await expect(onDuty.duty.myDuties).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(onDuty.duty.myDuties).toContainText('2026-09-30 周三');
  await expect(onDuty.duty.myDuties).toContainText('5 网站群');

  await onDuty.context.setOffline(true);
  await onDuty.duty.myDuties.getByTestId('my-duty-write-log').click();
  await onDuty.duty.log.waitFor();
  await onDuty.duty.calls.fill('');
  await onDuty.duty.logSave.click();
  await expect(onDuty.page.getByTestId('duty-log-problem')).toHaveText('请填写接听电话数（没有来电填 0）');
  await onDuty.duty.calls.fill('4');
  await onDuty.duty.eventFromTicket.filter({ hasText: '网站群首页访问缓慢' }).click();
  await expect(onDuty.duty.events).toHaveCount(1);
  await expect(onDuty.duty.events.getByTestId('duty-event-tickets')).toContainText(
    '当天接报 · 新建 · 网站群首页访问缓慢',
  );
  await onDuty.duty.notes.fill('上午网站群访问缓慢，已开工单跟进；其余时段平稳。');
  await onDuty.page.keyboard.press('Control+Enter');
  await expect(onDuty.duty.saveMessage).toContainText('已保存 2026-09-30 的值班记录');
  await expect(onDuty.page).toHaveURL(/#\/duty\/log\/[0-9a-f-]{36}$/);
  const logPath = new URL(onDuty.page.url()).hash.slice(1);
  await expect(onDuty.sync.badge).not.toHaveAttribute('data-pending', '0');
  await manualScreenshot(onDuty.page, 'duty-log');

  // Online again: the log goes up, and the hand-over names the next one on duty by default.
  await onDuty.context.setOffline(false);
  await onDuty.sync.syncNow();
  await onDuty.sync.waitUntilSynced();
  await expect(onDuty.duty.handOverTo.locator('input')).toHaveValue(NEXT.name);
  await onDuty.duty.handOverNote.fill('首页缓慢的工单仍在处理，国庆当天请留意访问量。');
  await onDuty.duty.handOverSubmit.click();
  await expect(onDuty.duty.saveMessage).toContainText(`已交接给 ${NEXT.name}，等待签收`);
  await expect(onDuty.duty.signState).toHaveText(`等待 ${NEXT.name} 签收`);
  await onDuty.sync.waitUntilSynced();

  // The next one on duty signs it off on their own PC, as themselves.
  const next = await signedIn(browser, dutyServer.url, NEXT);
  await expect(async () => {
    await next.sync.syncNow();
    await next.duty.open(PERIOD);
    await expect(next.duty.awaiting).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(next.duty.awaiting).toContainText(`2026-09-30 周三 · ${ON_DUTY.name} 交接给我`);
  await next.duty.awaiting.getByTestId('duty-awaiting-log').click();
  await expect(next.duty.log).toContainText('首页缓慢的工单仍在处理');
  await expect(next.duty.logSave).toHaveCount(0);
  await manualScreenshot(next.page, 'duty-sign-off');
  await next.duty.signOff.click();
  await expect(next.duty.saveMessage).toContainText('已签收交接');
  await expect(next.duty.signState).toContainText(`${NEXT.name} 已于`);
  await next.sync.waitUntilSynced();
  await expect(next.sync.badge).toHaveAttribute('data-rejected', '0');

  // The next one gives their National Day shift to the first as a cover: one recorded swap.
  await next.duty.open(`${PERIOD}&tab=mine`);
  await next.duty.myDuties.filter({ hasText: '2026-10-01' }).getByTestId('my-duty-swap').click();
  await next.duty.swapPerson.fill(ON_DUTY.name);
  await next.duty.swapReason.fill('国庆当天家中有事');
  await manualScreenshot(next.page, 'duty-swap');
  await next.duty.swapSave.click();
  await expect(next.duty.saveMessage).toContainText(
    `已登记调班：2026-10-01 由 ${ON_DUTY.name} 替 ${NEXT.name} 值班`,
  );
  await expect(next.page.getByTestId('my-duties-empty')).toBeVisible();
  await next.sync.waitUntilSynced();
  await expect(next.sync.badge).toHaveAttribute('data-rejected', '0');

  // Back on the first PC the hand-over is signed, and the day is complete in the roster.
  await expect(async () => {
    await onDuty.sync.syncNow();
    await onDuty.page.goto(`/#${logPath}`);
    await expect(onDuty.duty.signState).toContainText(`${NEXT.name} 已于`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await onDuty.duty.open(`${PERIOD}&scope=5`);
  await expect(onDuty.duty.day('2026-09-30')).toHaveAttribute('data-state', 'complete');
  await expect(onDuty.duty.day('2026-10-01')).toContainText(`${ON_DUTY.name}（我）（替 ${NEXT.name}）`);
  await expect(onDuty.sync.badge).toHaveAttribute('data-rejected', '0');

  // An engineer of subsystem 7 gets the contract's sensitive period but no duty of 网站群.
  const outside = await signedIn(browser, dutyServer.url, OUTSIDE);
  await expect(async () => {
    await outside.duty.open(`${PERIOD}&tab=periods`);
    await expect(outside.duty.periods).toContainText('国庆安保', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await outside.sync.waitUntilSynced();
  await outside.duty.open(`${PERIOD}&tab=mine`);
  await expect(outside.page.getByTestId('my-duties-empty')).toBeVisible();
  await outside.page.goto(`/#${logPath}`);
  await expect(outside.duty.logMissing).toContainText('本机没有这条值班记录');
  await outside.duty.open(PERIOD);
  await expect(outside.duty.scope).not.toContainText('网站群');
  await expect(outside.duty.roster).not.toContainText(ON_DUTY.name);
  await expect(outside.duty.awaiting).toHaveCount(0);

  for (const pc of [lead, onDuty, next, outside]) await pc.context.close();
});
