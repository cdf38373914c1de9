import { InspectionsCalendarPage } from '../pages/inspections-calendar-page';
import { InspectionRunPage } from '../pages/inspections-run-page';
import { readStoredTicket } from '../pages/inspections-stored-records';
import { SessionPage } from '../pages/session-page';
import { TicketsDetailPage } from '../pages/tickets-detail-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { expect, test } from '../support/offline-test';

/**
 * Inspection thresholds (issue 18, "Inspections"): the shipped checklists judge the tender's usage
 * readings against the 80 % the project team set; a percentage outside 0–100 is refused, never
 * judged 正常; a reading beyond the threshold fails, and its ticket goes to the engineer who ran the
 * check and names the template as users know it, never by an internal id.
 */

/** 14:00 in Beijing on Saturday 14 February 2026 (a working day adjusted for the Spring Festival). */
const NOW = new Date('2026-02-14T06:00:00Z');
const INSPECTOR = '巡检员 王工';
const TEMPLATE = '基金监管系统月度巡检';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

test('judges usage against 80 %, refuses 250 %, and gives the failed item’s ticket to its inspector', async ({
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
  await expect(run.title).toHaveText(TEMPLATE);
  for (const itemId of ['cpu', 'memory', 'disk', 'tablespace']) {
    await expect(run.item(itemId).getByTestId('item-threshold')).toHaveText('不高于 80%');
  }

  await run.enterNumber('cpu', '92');
  await expect(run.item('cpu')).toHaveAttribute('data-state', 'abnormal');
  await expect(run.flag('cpu')).toContainText('「CPU 使用率」为 92%，高于上限 80%');
  await run.enterNumber('tablespace', '45');
  await expect(run.item('tablespace')).toHaveAttribute('data-state', 'ok');

  // The readings: flagged as they are typed, and refused when saved (leaving a field saves it).
  await run.typeNumber('memory', '1000000000');
  await expect(run.item('memory')).toHaveAttribute('data-state', 'invalid');
  await expect(run.flag('memory')).toHaveText(
    '「内存占用率」是百分比，应在 0%–100% 之间，不能是 1000000000%',
  );
  await run.typeNumber('disk', '250');
  await expect(run.flag('disk')).toHaveText('「硬盘空间使用率」是百分比，应在 0%–100% 之间，不能是 250%');
  await manualScreenshot(page, 'inspections-thresholds');
  await run.numberInput('disk').press('Enter');
  await expect(run.refusals.filter({ hasText: '不能是 1000000000%' }).first()).toBeVisible();
  await expect(run.refusals.filter({ hasText: '不能是 250%' }).first()).toBeVisible();
  await page.reload();
  await session.signIn(INSPECTOR);
  await run.root.waitFor();
  await expect(run.numberInput('disk')).toHaveValue('');
  await expect(run.numberInput('memory')).toHaveValue('');
  await expect(run.numberInput('cpu')).toHaveValue('92');

  // The failed CPU reading opens a ticket in the inspector's hands.
  await run.openTicket('cpu');
  const ticketId = await run.ticketId('cpu');
  await run.goToTicket();
  await expect(detail.root).toHaveAttribute('data-ticket-id', ticketId);
  await expect(detail.assignee).toContainText(INSPECTOR);
  await expect(detail.assignee).not.toContainText('未指派');
  await expect(detail.description).toContainText(`巡检模板「${TEMPLATE}」第 1 版`);
  await expect(detail.description).toContainText('92%（上限 80%）');
  await expect(detail.description).not.toContainText('s8-monthly');
  await expect(detail.inspectionOrigin).toContainText(`${TEMPLATE}：「CPU 使用率」异常`);
  const stored = await readStoredTicket(page, INSPECTOR, ticketId);
  expect(stored).toMatchObject({ assignee: INSPECTOR, createdBy: INSPECTOR, status: 'new' });
});
