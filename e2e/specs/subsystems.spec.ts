import path from 'node:path';
import { SubsystemsPage } from '../pages/subsystems-page';
import { expectedAppVersion, expectedClockText, expectedSubsystems } from '../support/expected-profile';
import { manualImagePath, REFRESH_MANUAL } from '../support/manual-screenshot';
import { REPO_ROOT } from '../support/repo-root';
import { expect, test } from '../support/test';

/** 09:30 in Beijing on Saturday 14 February 2026, a working day adjusted for the Spring Festival (调休). */
const FIXED_NOW = new Date('2026-02-14T01:30:00Z');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(FIXED_NOW);
});

test('lists the 13 subsystems of the default contract profile with their service details', async ({
  page,
}) => {
  const subsystems = new SubsystemsPage(page);
  await subsystems.open();
  const expected = expectedSubsystems();
  expect(expected).toHaveLength(13);
  await expect(subsystems.rows).toHaveCount(13);
  await expect(subsystems.contractSummary).toContainText('共 13 个运维子项');
  await expect(subsystems.contractSummary).not.toContainText('guizhou-hrss-2025');
  for (const subsystem of expected) {
    await expect(subsystems.shortName(subsystem.id)).toHaveText(subsystem.shortName);
    await expect(subsystems.fullName(subsystem.id)).toHaveText(subsystem.name);
    await expect(subsystems.budget(subsystem.id)).toHaveText(subsystem.budget.toFixed(2));
    await expect(subsystems.stationed(subsystem.id)).toHaveText(
      subsystem.stationedEngineers === 0 ? '无驻场' : `${subsystem.stationedEngineers} 人`,
    );
    await expect(subsystems.serviceHours(subsystem.id)).toHaveText(
      subsystem.serviceHours ?? '招标文件未规定',
    );
  }
});

test('shows every SLA clock of every subsystem as the profile sets it', async ({ page }) => {
  const subsystems = new SubsystemsPage(page);
  await subsystems.open();
  for (const subsystem of expectedSubsystems()) {
    for (const clock of subsystem.clocks) {
      const cell = subsystems.clock(subsystem.id, clock.category, clock.severity, clock.kind);
      await expect(cell, `子项 ${subsystem.id} ${clock.category}/${clock.severity}/${clock.kind}`).toHaveText(
        expectedClockText(clock),
      );
    }
  }
});

test('shows the tender’s own clocks exactly', async ({ page }) => {
  const subsystems = new SubsystemsPage(page);
  await subsystems.open();
  // 网站群: respond within 10 minutes, fix a system fault within 2 hours, round the clock.
  await expect(subsystems.clock(5, 'fault', 'emergency', 'response')).toHaveText('10 分钟（7×24 小时）');
  await expect(subsystems.clock(5, 'fault', 'ordinary', 'resolution')).toHaveText('2 小时（7×24 小时）');
  await expect(subsystems.clockCell(5, 'fault', 'emergency', 'response')).toHaveAccessibleName(
    '故障 响应 10 分钟（7×24 小时）',
  );
  // 互联网+人社: faults fixed within 30 minutes of its 09:00–17:30 working-day service hours.
  await expect(subsystems.clock(1, 'fault', 'major', 'resolution')).toHaveText(
    '30 分钟（工作日 09:00–17:30）',
  );
  // 劳动关系: data tickets within 15 working days.
  await expect(subsystems.clock(4, 'data', 'ordinary', 'resolution')).toHaveText('15 个工作日');
  // 跨部门大数据: ordinary faults within 1 hour, major within 2.
  await expect(subsystems.clock(7, 'fault', 'ordinary', 'resolution')).toHaveText('1 小时（7×24 小时）');
  await expect(subsystems.clock(7, 'fault', 'major', 'resolution')).toHaveText('2 小时（7×24 小时）');
  // 短信服务 sets no clock of its own: the contract-wide 30-minute response applies, and says so.
  await expect(subsystems.clockCell(2, 'fault', 'ordinary', 'response')).toHaveText(
    /^30 分钟（7×24 小时）合同通用$/,
  );
});

test('shows Beijing time and the Chinese working calendar whatever the PC’s time zone', async ({
  page,
}, testInfo) => {
  const subsystems = new SubsystemsPage(page);
  await subsystems.open();
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(browserZone).toBe(testInfo.project.use.timezoneId);
  await expect(subsystems.todayDate).toHaveText('2026年2月14日 星期六');
  await expect(subsystems.todayTime).toHaveText('09:30');
  await expect(subsystems.todayKind).toHaveText('调休上班（春节）');
});

test('names the contract and the running build', async ({ page }) => {
  const subsystems = new SubsystemsPage(page);
  await subsystems.open();
  await expect(subsystems.contractName).toHaveText(/贵州省人力资源和社会保障厅/);
  await expect(subsystems.hostVersion).toHaveText(`浏览器版 ${expectedAppVersion()}`);
  await expect(page).toHaveTitle('运维台');
});

test('fits a 1366×768 screen and is saved as a screenshot for the manual', async ({ page }, testInfo) => {
  const subsystems = new SubsystemsPage(page);
  await subsystems.open();
  await expect(subsystems.rows).toHaveCount(13);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, '页面在 1366 像素宽的屏幕上出现横向滚动').toBeLessThanOrEqual(0);
  await page.evaluate(() => document.fonts.ready);
  const artifacts = path.join(REPO_ROOT, 'e2e', 'artifacts');
  await page.screenshot({
    path: path.join(artifacts, `subsystems-${testInfo.project.name}-first-screen.png`),
  });
  // The whole list as one tall screen, so the sticky header and sider sit where a user sees them.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1366, height });
  await page.screenshot({ path: path.join(artifacts, `subsystems-${testInfo.project.name}.png`) });
  if (REFRESH_MANUAL && testInfo.project.use.timezoneId === 'Asia/Shanghai') {
    await page.screenshot({ path: manualImagePath('subsystems') });
  }
});
