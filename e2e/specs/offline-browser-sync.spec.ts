import { ServerLoginPage } from '../pages/server-login-page';
import { OfflineShellPage } from '../pages/offline-shell-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { TicketsListPage } from '../pages/tickets-list-page';
import { TicketsNewPage } from '../pages/tickets-new-page';
import { ACCOUNTS, E2E_PASSWORD, expect, test } from '../support/sync-test';

/**
 * The browser build offline (issue 17): a PC that opened the app once from the HQ server opens it again
 * with the network cut, signs in against its offline verifier, finds its records and saves one; back
 * online, that record reaches the server.
 */
test.describe.configure({ timeout: 180_000 });

async function createTicket(page: TicketsNewPage, detail: TicketsDetailPage, title: string): Promise<void> {
  await page.page.goto('/#/tickets/new');
  await page.title.fill(title);
  await page.reporterUnit.fill('社保局信息科');
  await page.reporterPerson.fill('王老师');
  await page.subsystem.click();
  await page.page.keyboard.type('1');
  await page.page.keyboard.press('Enter');
  await page.page.keyboard.press('Control+Enter');
  await expect(detail.status).toHaveText('新建');
}

test('opens, signs in, shows and saves records with the network cut, and syncs once back', async ({
  browser,
  baseURL,
  browserLog,
}) => {
  const serverUrl = baseURL ?? '';
  const context = await browser.newContext({ baseURL: serverUrl });
  const page = await context.newPage();
  browserLog.watch(page, 'zhouba');
  const login = new ServerLoginPage(page);
  const shell = new OfflineShellPage(page);
  const form = new TicketsNewPage(page);
  const detail = new TicketsDetailPage(page);

  await login.signIn(serverUrl, ACCOUNTS.zhouba.name, E2E_PASSWORD);
  await shell.waitUntilPrecached();
  await createTicket(form, detail, '机房空调告警（联网时登记）');
  await new SyncStatusPage(page).waitUntilSynced();

  await context.setOffline(true);
  // The tab reloads from the service worker's cache (no browser error page) and keeps its session.
  await page.reload();
  await login.currentUser.waitFor();
  await page.close();

  // The app opened anew in another tab: it signs in against this PC's offline verifier.
  const reopened = await context.newPage();
  browserLog.watch(reopened, 'zhouba-offline');
  const offlineLogin = new ServerLoginPage(reopened);
  await reopened.goto('/');
  await offlineLogin.form.waitFor();
  await offlineLogin.server.fill(serverUrl);
  await offlineLogin.username.fill(ACCOUNTS.zhouba.name);
  await offlineLogin.password.fill(E2E_PASSWORD);
  await offlineLogin.submit.click();
  await offlineLogin.currentUser.waitFor();

  const list = new TicketsListPage(reopened);
  await list.open();
  await expect(list.rows.filter({ hasText: '机房空调告警（联网时登记）' })).toHaveCount(1);
  await createTicket(
    new TicketsNewPage(reopened),
    new TicketsDetailPage(reopened),
    '网站首页打不开（断网时登记）',
  );
  const sync = new SyncStatusPage(reopened);

  await context.setOffline(false);
  await sync.syncNow();
  await sync.waitUntilSynced();

  // Another PC of the same engineer, online: the ticket saved offline came through the server.
  const other = await browser.newContext({ baseURL: serverUrl });
  const otherPage = await other.newPage();
  browserLog.watch(otherPage, 'zhouba-2');
  await new ServerLoginPage(otherPage).signIn(serverUrl, ACCOUNTS.zhouba.name, E2E_PASSWORD);
  const otherList = new TicketsListPage(otherPage);
  await expect(async () => {
    await otherList.open();
    await expect(otherList.rows.filter({ hasText: '网站首页打不开（断网时登记）' })).toHaveCount(1, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 60_000 });

  await other.close();
  await context.close();
});
