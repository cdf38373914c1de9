import { SessionPage } from '../pages/session-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { TicketsListPage } from '../pages/tickets-list-page';
import { TicketsNewPage } from '../pages/tickets-new-page';
import { expect, test } from '../support/offline-test';

/**
 * Intake as an engineer meets it (issue 18, "Intake"): a chat message with a screenshot pasted into
 * the chat box is one attachment; its 【unit】 fills 报告单位; the chat tab stays the user's; a time
 * without a date pasted after midnight is taken as yesterday and said so, and saving a ticket that
 * would be late at once, or received long ago, asks first, naming the consequence. A refused save's
 * errors go once the fields are filled; Esc right after saving asks nothing; Ctrl+Enter confirms the
 * delete dialog.
 */

/** 03:34 Beijing time, Wednesday 11 March 2026. */
const AFTER_MIDNIGHT = Date.parse('2026-03-10T19:34:00Z');

test.describe.configure({ timeout: 120_000 });

test('a pasted chat message with a screenshot becomes one ticket with one attachment, its unit and a received time the user confirmed', async ({
  page,
}) => {
  const session = new SessionPage(page);
  const list = new TicketsListPage(page);
  const form = new TicketsNewPage(page);
  const detail = new TicketsDetailPage(page);
  await page.clock.setFixedTime(AFTER_MIDNIGHT);
  await list.open();
  await session.signIn('驻场工程师 赵工');
  await list.loaded();
  const screenshotPng = await page.screenshot();

  await page.locator('body').press('n');
  await expect(form.title).toBeFocused();
  await form.chatText.click();
  await form.paste({ png: screenshotPng, text: '【人社厅信息中心】张三 10:32\n系统打不开了' });
  // One paste, one attachment: the chat box and the form around it do not both take it.
  await expect(form.thumbnails).toHaveCount(1);
  await expect(form.reporterUnit).toHaveValue('人社厅信息中心');
  await expect(form.reporterPerson).toHaveValue('张三');
  // A 【title】 is no proof of QQ: the tab the user has (微信群) stays.
  await expect(form.selected(form.channel)).toHaveAttribute('title', '微信群');
  await expect(page.getByTestId('chat-paste')).toContainText(
    '消息只有时间没有日期：10:32 晚于现在，已按昨天（2026-03-10）10:32 填写接报时间',
  );
  await form.subsystem.click();
  await page.keyboard.type('网站群');
  await page.keyboard.press('Enter');

  // Yesterday 10:32 makes the ticket late the moment it is saved: asked first, with the consequence.
  await page.keyboard.press('Control+Enter');
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('按接报时间 2026-03-10 10:32 计算，这张工单保存时');
  await expect(confirm).toContainText('超时会计入超时统计');
  await confirm.getByRole('button', { name: '返回修改' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(form.heading).toBeVisible();
  await form.setReceivedAt('2026-03-11 03:30');

  // Esc pressed right after Ctrl+Enter does not offer to discard the ticket being saved.
  await form.title.click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Escape');
  await expect(detail.status).toHaveText('新建');
  await expect(page.getByText('放弃这张未保存的工单？')).toHaveCount(0);
  await expect(detail.thumbnails).toHaveCount(1);
  await expect(page.getByTestId('ticket-received-at')).toHaveText('2026-03-11 03:30');

  // Ctrl+Enter confirms the delete dialog, as the shortcut help says.
  await detail.deleteButton.click();
  await page.getByTestId('tombstone-reason').fill('与另一张工单重复登记');
  await page.keyboard.press('Control+Enter');
  await expect(detail.tombstoneDialog).toBeHidden();
  await expect(page.getByText('工单“系统打不开了”已删除')).toBeVisible();
});

test('a refused save’s errors go once fixed, and a received time years ago is saved only when confirmed', async ({
  page,
}) => {
  const session = new SessionPage(page);
  const list = new TicketsListPage(page);
  const form = new TicketsNewPage(page);
  const detail = new TicketsDetailPage(page);
  await page.clock.setFixedTime(AFTER_MIDNIGHT);
  await list.open();
  await session.signIn('驻场工程师 赵工');
  await list.loaded();

  await page.locator('body').press('n');
  await expect(form.title).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('请填写标题', { exact: true })).toBeVisible();
  await expect(page.getByText('请选择运维子项', { exact: true })).toBeVisible();
  await form.title.fill('社保查询页面报错');
  await expect(page.getByText('请填写标题', { exact: true })).toHaveCount(0);
  await form.subsystem.click();
  await page.keyboard.type('网站群');
  await page.keyboard.press('Enter');
  await expect(page.getByText('请选择运维子项', { exact: true })).toHaveCount(0);

  await form.setReceivedAt('2000-01-01 00:00');
  await form.title.click();
  await page.keyboard.press('Control+Enter');
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(/接报时间 2000-01-01 00:00 是 \d+ 天前/);
  await expect(confirm).toContainText('这张工单一登记就按超时计算');
  await confirm.getByRole('button', { name: '按这个时间保存' }).click();
  await expect(detail.status).toHaveText('新建');
  await expect(page.getByTestId('ticket-received-at')).toHaveText('2000-01-01 00:00');
});
