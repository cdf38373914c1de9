import { expect, test as base, type Browser } from '@playwright/test';
import { ServerLoginPage } from '../pages/server-login-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { VisitFormPage, VisitsPage } from '../pages/visits-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { type RunningYunweiServer, type ServerAccount, startYunweiServer } from '../support/yunwei-server';

/**
 * 回访 (issue 14 §4), against the real server: the service manager of units 1 and 2 records, with the
 * network cut, one visit to both units with a person met, a rating per unit and a photo; the coverage
 * view marks both units visited this month. After sync the project lead sees it on another PC; the
 * service manager of units 3 and 4 neither receives it nor has rows for units 1 and 2.
 */

const PASSWORD = 'Yunwei#2026';
const MANAGER: ServerAccount = {
  name: 'zhoujun',
  role: 'service_manager',
  units: [1, 2],
  password: PASSWORD,
};
const OTHER_MANAGER: ServerAccount = {
  name: 'wuyan',
  role: 'service_manager',
  units: [3, 4],
  password: PASSWORD,
};
const LEAD: ServerAccount = { name: 'fuzeren', role: 'project_lead', password: PASSWORD };

const test = base.extend<object, { visitServer: RunningYunweiServer }>({
  visitServer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startYunweiServer([MANAGER, OTHER_MANAGER, LEAD]);
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

async function signedIn(browser: Browser, url: string, account: ServerAccount) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await new ServerLoginPage(page).signIn(url, account.name, PASSWORD, '/');
  return { context, page, sync: new SyncStatusPage(page) };
}

/** This month in Shanghai, `YYYY-MM`, as the app computes it. */
function shanghaiMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

test('a service manager records a visit to two units offline with a photo; after sync the lead sees it and a manager of other units does not', async ({
  browser,
  visitServer,
}) => {
  const month = shanghaiMonth();
  const manager = await signedIn(browser, visitServer.url, MANAGER);
  const visits = new VisitsPage(manager.page);
  await visits.openFromMenu();
  expect(await visits.coverageUnits()).toEqual(['贵州省人力资源和社会保障厅', '贵州省就业局']);
  await expect(visits.cell(2, month)).toHaveAttribute('data-state', 'due');
  const photo = await manager.page.screenshot();

  await manager.context.setOffline(true);
  await visits.newVisit.click();
  const form = new VisitFormPage(manager.page);
  await form.heading.waitFor();
  await form.pickUnits(['人力资源和社会保障厅', '就业局']);
  await form.addPersonMet('刘主任', '贵州省就业局', '办公室主任');
  await form.suggestions.fill('希望公文系统附件上传再快一些；培训安排在月初');
  await form.rate(1, '满意');
  await form.rate(2, '基本满意', '附件上传偶尔较慢');
  await form.addPhoto({ name: '现场照片.png', buffer: photo });
  await manualScreenshot(manager.page, 'visits-form');
  await manager.page.keyboard.press('Control+Enter');
  await expect(form.savedMessage).toContainText('已登记');
  const visitId = await form.visitId();

  await visits.openFromMenu();
  await expect(visits.cell(1, month)).toHaveAttribute('data-state', 'visited');
  await expect(visits.cell(2, month)).toHaveAttribute('data-state', 'visited');
  await expect(visits.rows).toHaveCount(1);
  await expect(visits.rows.first()).toContainText('贵州省就业局：基本满意');

  await manager.context.setOffline(false);
  await manager.sync.syncNow();
  await manager.sync.waitUntilSynced();
  await expect(manager.sync.badge).toHaveAttribute('data-rejected', '0');
  await manualScreenshot(manager.page, 'visits-coverage');
  await visits.cell(2, month).click();
  await expect(visits.drawer).toContainText('贵州省就业局');
  await expect(visits.drawer.getByTestId('visit-row')).toHaveCount(1);
  await manualScreenshot(manager.page, 'visits-cell');

  // The project lead, on another PC, receives the visit with its photo.
  const lead = await signedIn(browser, visitServer.url, LEAD);
  const leadVisits = new VisitsPage(lead.page);
  await expect(async () => {
    await lead.sync.syncNow();
    await leadVisits.openFromMenu();
    await expect(leadVisits.cell(2, month)).toHaveAttribute('data-state', 'visited', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  expect(await leadVisits.coverageUnits()).toHaveLength(10);
  await lead.page.goto(`/#/visits/${visitId}`);
  const leadForm = new VisitFormPage(lead.page);
  await expect(leadForm.photos).toHaveCount(1);
  await expect(lead.page.getByTestId('person-name')).toHaveValue('刘主任');

  // The manager of units 3 and 4 does not receive it, and has no rows for units 1 and 2.
  const other = await signedIn(browser, visitServer.url, OTHER_MANAGER);
  await other.sync.syncNow();
  await other.sync.waitUntilSynced();
  const otherVisits = new VisitsPage(other.page);
  await otherVisits.openFromMenu();
  expect(await otherVisits.coverageUnits()).toEqual(['贵州省职业技能鉴定考评指导中心', '贵州省人才服务局']);
  await expect(otherVisits.page.getByTestId('visit-list').getByText('还没有回访记录')).toBeVisible();
  await other.page.goto(`/#/visits/${visitId}`);
  await expect(new VisitFormPage(other.page).missing).toBeVisible();

  for (const pc of [manager, lead, other]) await pc.context.close();
});
