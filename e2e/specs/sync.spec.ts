import type { Browser, BrowserContext, Page } from '@playwright/test';
import { ServerLoginPage } from '../pages/server-login-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { TicketsNewPage } from '../pages/tickets-new-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { ACCOUNTS, E2E_PASSWORD, expect, test, type BrowserLog } from '../support/sync-test';

/**
 * Sync between two PCs through the real server (issue 4, "Must show"): two engineers, each in their own
 * browser context (their own IndexedDB), edit the same ticket while both are offline: different
 * fields, then the same field. Back online, both fields survive, the same-field conflict resolves the
 * same way on both PCs and the losing write is in the history. A ticket deleted on one PC while the
 * other edits it stays deleted. And an engineer is offered only their own subsystems, so a write the
 * server would refuse is never made.
 */

test.describe.configure({ timeout: 240_000 });

interface Pc {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly detail: TicketsDetailPage;
  readonly sync: SyncStatusPage;
}

async function signedInPc(
  browser: Browser,
  serverUrl: string,
  account: { name: string },
  browserLog: BrowserLog,
): Promise<Pc> {
  const context = await browser.newContext({ baseURL: serverUrl });
  const page = await context.newPage();
  browserLog.watch(page, account.name);
  await new ServerLoginPage(page).signIn(serverUrl, account.name, E2E_PASSWORD);
  return { context, page, detail: new TicketsDetailPage(page), sync: new SyncStatusPage(page) };
}

async function createTicket(pc: Pc, title: string, subsystem: string): Promise<string> {
  const form = new TicketsNewPage(pc.page);
  await pc.page.goto('/#/tickets/new');
  await form.title.fill(title);
  await form.reporterUnit.fill('社保局信息科');
  await form.reporterPerson.fill('王老师');
  await form.subsystem.click();
  await pc.page.keyboard.type(subsystem);
  await pc.page.keyboard.press('Enter');
  await pc.page.keyboard.press('Control+Enter');
  await expect(pc.detail.status).toHaveText('新建');
  return pc.detail.ticketId();
}

/** Opens a ticket another PC created, once a pull has brought it. */
async function openPulledTicket(pc: Pc, ticketId: string): Promise<void> {
  await expect(async () => {
    await pc.page.goto(`/#/tickets/${ticketId}`);
    await expect(pc.detail.root).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Saves the 处理信息 form with `field` set to `text`. */
async function saveWork(pc: Pc, field: 'work-root-cause' | 'work-resolution', text: string): Promise<void> {
  await pc.page.getByTestId(field).fill(text);
  await pc.page.getByTestId('save-work').click();
  await expect(pc.detail.saveMessage).toBeVisible();
}

/** Brings the PCs back online one at a time, in order, then lets each pull what the later ones pushed. */
async function goOnlineAndSync(pcs: readonly Pc[]): Promise<void> {
  for (const pc of pcs) {
    await pc.context.setOffline(false);
    await pc.sync.syncNow();
    await pc.sync.waitUntilSynced();
  }
  for (const pc of pcs) {
    await pc.sync.syncNow();
    await pc.sync.waitUntilSynced();
  }
}

test('two PCs edit one ticket offline: both fields survive, the same-field conflict resolves alike, a delete stays', async ({
  browser,
  syncServer,
  browserLog,
}) => {
  const a = await signedInPc(browser, syncServer.url, ACCOUNTS.zhangsan, browserLog);
  const b = await signedInPc(browser, syncServer.url, ACCOUNTS.lisi, browserLog);

  const ticketId = await createTicket(a, '社保卡查询接口超时', '网站群');
  await a.sync.waitUntilSynced();
  await openPulledTicket(b, ticketId);
  await expect(b.detail.title).toHaveText('社保卡查询接口超时');

  // Both offline; each edits a different field.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await saveWork(a, 'work-root-cause', '接口服务器连接池耗尽');
  await saveWork(b, 'work-resolution', '扩大连接池并重启接口服务');
  // The save's push attempt finds the network gone: the change waits, and the badge says so.
  await expect(a.sync.badge).toHaveAttribute('data-phase', 'offline', { timeout: 30_000 });
  await expect(a.sync.badge).toHaveAttribute('data-pending', '1');
  await goOnlineAndSync([a, b]);
  for (const pc of [a, b]) {
    await pc.page.reload();
    await expect(pc.page.getByTestId('work-root-cause')).toHaveValue('接口服务器连接池耗尽');
    await expect(pc.page.getByTestId('work-resolution')).toHaveValue('扩大连接池并重启接口服务');
  }

  // Both offline again; both edit the same field, B after A.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await saveWork(a, 'work-resolution', '甲：切换到备用接口');
  await saveWork(b, 'work-resolution', '乙：回滚昨晚的接口升级');
  // B reaches the server first: A's older write then arrives to find a newer one and loses on arrival.
  await goOnlineAndSync([b, a]);
  for (const pc of [a, b]) {
    await pc.page.reload();
    await expect(pc.page.getByTestId('work-resolution')).toHaveValue('乙：回滚昨晚的接口升级');
  }
  // The losing write is in the server's history, marked as not adopted, on both PCs.
  for (const pc of [a, b]) {
    await pc.detail.historyTab.click();
    const history = pc.page.getByTestId('record-history');
    await expect(history).toHaveAttribute('data-source', 'server');
    const lost = history.locator('[data-testid="history-change"][data-superseded="true"]');
    await expect(lost.filter({ hasText: '甲：切换到备用接口' })).toHaveCount(1);
  }
  await a.page.getByTestId('record-history').scrollIntoViewIfNeeded();
  await manualScreenshot(a.page, 'sync-history-conflict');

  // A deletes the ticket while B, offline, keeps working on it: the delete wins on both PCs.
  await b.context.setOffline(true);
  await a.page.getByTestId('ticket-delete').click();
  await a.page.getByTestId('tombstone-reason').fill('与另一张工单重复登记');
  await a.page.getByRole('button', { name: '确认删除工单' }).click();
  await expect(a.page.getByText('工单“社保卡查询接口超时”已删除')).toBeVisible();
  await a.sync.waitUntilSynced();
  await saveWork(b, 'work-root-cause', '乙补充：连接池参数被改回默认值');
  await goOnlineAndSync([a, b]);
  for (const pc of [a, b]) {
    await pc.page.reload();
    await expect(pc.page.getByText('工单“社保卡查询接口超时”已删除')).toBeVisible();
  }

  await a.context.close();
  await b.context.close();
});

test('an engineer is offered only their own subsystems, so the ticket they save is not refused', async ({
  browser,
  syncServer,
  browserLog,
}) => {
  const pc = await signedInPc(browser, syncServer.url, ACCOUNTS.wangwu, browserLog);
  const form = new TicketsNewPage(pc.page);
  await pc.page.goto('/#/tickets/new');
  await form.subsystem.click();
  await expect(pc.page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText([
    '7 跨部门大数据',
  ]);
  await pc.page.keyboard.press('Escape');
  await createTicket(pc, '跨部门数据交换任务失败', '跨部门');
  await pc.sync.waitUntilSynced();
  await expect(pc.sync.badge).toHaveAttribute('data-rejected', '0');
  await pc.context.close();
});
