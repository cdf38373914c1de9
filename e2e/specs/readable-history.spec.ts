import { InspectionsCalendarPage } from '../pages/inspections-calendar-page';
import { InspectionRunPage } from '../pages/inspections-run-page';
import { SessionPage } from '../pages/session-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { expect, test } from '../support/offline-test';

/**
 * History an acceptance review can read (issue 18): an inspection run's history names each item
 * that changed with its old and new value, never "检查结果：2 项 → 2 项"; a run names its template and
 * a ticket its inspection by name, never by id; the delete dialog promises nothing the app lacks.
 */

/** 14:00 in Beijing on Saturday 14 February 2026 (a working day adjusted for the Spring Festival). */
const NOW = new Date('2026-02-14T06:00:00Z');
const INSPECTOR = '巡检员 赵工';
const TEMPLATE = '基金监管系统月度巡检';
/** Internal ids of the template and its items that a reviewer must never see. */
const INTERNAL_IDS = /s8-monthly|\bcpu\b|security-log|\d+ 项 → \d+ 项/;

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

test('names each changed inspection item with its values, and the inspection a ticket came from', async ({
  page,
}) => {
  const session = new SessionPage(page);
  const calendar = new InspectionsCalendarPage(page);
  const run = new InspectionRunPage(page);
  const detail = new TicketsDetailPage(page);

  await calendar.visit();
  await session.signIn(INSPECTOR);
  await calendar.todayTasks.waitFor();
  await calendar.start('s8-monthly');
  await run.enterNumber('cpu', '45');
  await run.pass('security-log');
  await run.enterNumber('cpu', '95');
  await run.note('cpu', '月末批处理');

  // Newest first: the note, 45% → 95%, the 正常 of 安全日志, the first 45%, then the creation.
  await expect(run.historySaves).toHaveCount(5);
  await expect(run.historySaves.nth(0)).toContainText('CPU 使用率的备注：（空） → 月末批处理');
  await expect(run.historySaves.nth(1)).toContainText('检查结果：CPU 使用率：45% → 95%');
  await expect(run.historySaves.nth(2)).toContainText('（空） → 正常');
  await expect(run.historySaves.nth(3)).toContainText('CPU 使用率：（空） → 45%');
  await expect(run.historySaves.last()).toContainText('创建');
  await expect(run.historySaves.last()).toContainText(`巡检模板：${TEMPLATE}`);
  await expect(run.history).not.toContainText(INTERNAL_IDS);
  await manualScreenshot(page, 'inspections-history', run.history);

  // The ticket of the failed reading: the run's history says it was opened, the ticket's history
  // names the inspection in words.
  await run.openTicket('cpu');
  await expect(run.historySaves.first()).toContainText('CPU 使用率的工单：无 → 已生成');
  await run.goToTicket();
  await detail.root.waitFor();
  await detail.historyTab.click();
  await expect(detail.historySaves).toHaveCount(1);
  const creation = detail.historySaves.first();
  await expect(creation).toContainText(`关联巡检：${TEMPLATE}：「CPU 使用率」`);
  await expect(creation).toContainText(`处理人：${INSPECTOR}`);
  await expect(creation).not.toContainText(INTERNAL_IDS);

  // The delete dialog promises only what the app does.
  await detail.deleteButton.click();
  await expect(detail.tombstoneDialog).toContainText('删除后工单不再出现在工单列表中');
  await expect(detail.tombstoneDialog).not.toContainText('报表');
});
