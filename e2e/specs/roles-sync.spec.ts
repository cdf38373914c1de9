import type { Browser, Page } from '@playwright/test';
import { ServerLoginPage } from '../pages/server-login-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { TicketsNewPage } from '../pages/tickets-new-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { ACCOUNTS, E2E_PASSWORD, expect, test, type BrowserLog } from '../support/sync-test';

/**
 * Roles as their users meet them (issue 18, "Roles"), against the real server: two engineers (subsystems
 * 1,5 and 5,7) and a service manager. Each opens on their own work; none sees a rejection they did not
 * cause (opening 巡检 writes nothing); forms offer only what the user may write and say why when
 * nothing is offered; the sync badge never calls rejected changes 已同步.
 */

test.describe.configure({ timeout: 240_000 });

interface Pc {
  readonly page: Page;
  readonly sync: SyncStatusPage;
  close(): Promise<void>;
}

async function signedInAtHome(
  browser: Browser,
  serverUrl: string,
  account: { name: string },
  browserLog: BrowserLog,
): Promise<Pc> {
  const context = await browser.newContext({ baseURL: serverUrl });
  const page = await context.newPage();
  browserLog.watch(page, account.name);
  await new ServerLoginPage(page).signIn(serverUrl, account.name, E2E_PASSWORD, '/');
  return { page, sync: new SyncStatusPage(page), close: () => context.close() };
}

/** The subsystems the new-ticket form offers, as their labels. */
async function offeredSubsystems(pc: Pc): Promise<string[]> {
  const form = new TicketsNewPage(pc.page);
  await pc.page.goto('/#/tickets/new');
  await form.subsystem.click();
  const options = pc.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor();
  const labels = await options.allTextContents();
  await pc.page.keyboard.press('Escape');
  return labels;
}

/** Opens 巡检 and 巡检模板, then syncs: nothing may be pending or refused afterwards. */
async function visitInspectionsAndSync(pc: Pc): Promise<void> {
  await pc.page.goto('/#/inspections');
  await pc.page.getByRole('heading', { name: '巡检', exact: true }).waitFor();
  await pc.page.goto('/#/inspections/templates');
  await pc.page.getByRole('heading', { name: '巡检模板' }).waitFor();
  await pc.sync.syncNow();
  await pc.sync.waitUntilSynced();
  await expect(pc.sync.badge).toHaveAttribute('data-rejected', '0');
  await expect(pc.sync.badge).not.toContainText('已同步 ·');
}

test('two engineers and a service manager open on their own work, are offered only what they may write, and see no rejection they did not cause', async ({
  browser,
  syncServer,
  browserLog,
}) => {
  const first = await signedInAtHome(browser, syncServer.url, ACCOUNTS.zhangsan, browserLog);
  const second = await signedInAtHome(browser, syncServer.url, ACCOUNTS.zhaoliu, browserLog);
  const manager = await signedInAtHome(browser, syncServer.url, ACCOUNTS.qianqi, browserLog);

  // After sign-in: 我的工作, with the engineer's tickets, today's inspections and the sync state.
  for (const engineer of [first, second]) {
    await expect(engineer.page.getByRole('heading', { name: '我的工作' })).toBeVisible();
    await expect(engineer.page.getByTestId('my-work-tickets')).toContainText('没有指派给您的未完成工单');
    await expect(engineer.page.getByTestId('my-work-inspections').getByTestId('today-tasks')).toBeVisible();
    await expect(engineer.page.getByTestId('my-work-sync')).toBeVisible();
  }
  // The service manager is told what they can do, and is not offered 登记工单.
  await expect(manager.page.getByTestId('role-notice')).toContainText('在“回访”页登记回访');
  await expect(manager.page.getByTestId('role-notice')).toContainText('贵州省人力资源和社会保障厅');
  await expect(manager.page.getByTestId('my-work-tickets')).toHaveCount(0);
  await expect(manager.page.getByRole('menuitem', { name: '登记工单' })).toHaveCount(0);
  await expect(first.page.getByRole('menuitem', { name: '登记工单' })).toBeVisible();

  // Opening 巡检 and its templates writes nothing: no one has anything pending or refused.
  for (const pc of [first, second, manager]) await visitInspectionsAndSync(pc);
  await expect(first.page.getByTestId('template-not-editable')).toContainText(
    '巡检模板由项目负责人维护，驻场工程师不能修改',
  );

  // Forms offer only the subsystems each user keeps; nothing at all to the service manager, with why.
  expect(await offeredSubsystems(first)).toEqual(['1 互联网+人社', '5 网站群']);
  expect(await offeredSubsystems(second)).toEqual(['5 网站群', '7 跨部门大数据']);
  await manager.page.goto('/#/tickets/new');
  await expect(manager.page.getByTestId('ticket-new-not-offered')).toContainText(
    '服务经理不能修改工单（只能登记回访记录）',
  );
  await manager.page.goto('/#/inspections');
  await expect(manager.page.getByTestId('inspections-not-offered')).toContainText(
    '服务经理不能修改巡检记录（只能登记回访记录）',
  );

  // A ticket on the shared subsystem 5 syncs to the other engineer, refused for no one.
  const form = new TicketsNewPage(first.page);
  await first.page.goto('/#/tickets/new');
  await form.title.fill('网站群首页打不开');
  await form.subsystem.click();
  await first.page.keyboard.type('网站群');
  await first.page.keyboard.press('Enter');
  await first.page.keyboard.press('Control+Enter');
  const detail = new TicketsDetailPage(first.page);
  await expect(detail.status).toHaveText('新建');
  const ticketId = detail.ticketId();
  await first.sync.waitUntilSynced();
  await expect(async () => {
    await second.sync.syncNow();
    await second.page.goto(`/#/tickets/${ticketId}`);
    await expect(second.page.getByTestId('ticket-detail')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Back home, the engineer's own open ticket is there with its clock.
  await first.page.getByRole('menuitem', { name: '我的工作' }).click();
  const mine = first.page.getByTestId('my-open-ticket');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('网站群首页打不开');
  await expect(mine.getByTestId('row-clock')).toBeVisible();
  await manualScreenshot(first.page, 'my-work');

  for (const pc of [first, second, manager]) {
    await expect(pc.sync.badge).toHaveAttribute('data-rejected', '0');
    await pc.close();
  }
});
