import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test as base, type Download } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { Ticket } from '@core/records/ticket';
import type { TicketAction } from '@core/records/ticket-status';
import { MINUTE_MS, dayNumberOf, startOfDay } from '@core/time/shanghai-time';
import { ReportsPage } from '../pages/reports-page';
import { ServerLoginPage } from '../pages/server-login-page';
import { SyncStatusPage } from '../pages/sync-status-page';
import { manualScreenshot } from '../support/manual-screenshot';
import { SeedPush, seedTicket } from '../support/seed-records';
import { type RunningYunweiServer, type ServerAccount, startYunweiServer } from '../support/yunwei-server';

/*
 * 报表 (issue 15), from the records this PC synced, made offline: the engineer of subsystem 1 saves this
 * month's 运维月报 of their subsystem as a .docx and as a PDF with its fonts embedded, holding their
 * tickets (and not subsystem 5's) and the remarks they write on the page offline (月报说明, a record); the project lead saves the half-year acceptance package, a .zip with
 * its 目录 first.
 */

const PASSWORD = 'Yunwei#2026';
const LEAD: ServerAccount = { name: 'zhoulead', role: 'project_lead', password: PASSWORD };
const ENGINEER: ServerAccount = { name: 'wugong', role: 'engineer', subsystems: [1], password: PASSWORD };

const OPEN_TITLE = '网上办事大厅登录异常';
const OWN_TITLES = ['社保卡查询页面打不开', OPEN_TITLE];
const OTHER_TITLE = '网站群栏目更新失败';
const REMARK_PROBLEM = '网上办事大厅登录高峰期响应偏慢，建议扩容认证服务。';
const REMARK_PLAN = '配合完成统一身份认证升级。';

const test = base.extend<object, { reportsServer: RunningYunweiServer }>({
  reportsServer: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startYunweiServer([LEAD, ENGINEER]);
      try {
        await seedThisMonth(server.url, Date.now());
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test.describe.configure({ timeout: 240_000 });

/** What poppler reads of a PDF: its fonts' table rows and its text without white space. */
function readPdf(file: string): { fonts: string[]; text: string } {
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return { fonts, text };
}

/** The downloaded file's entries, by name. */
async function zipEntries(download: Download): Promise<Record<string, Uint8Array>> {
  const file = await download.path();
  return unzipSync(new Uint8Array(await readFile(file)));
}

test('the engineer saves this month’s 运维月报 of their subsystem offline, with their tickets', async ({
  browser,
  reportsServer,
}, testInfo) => {
  const context = await browser.newContext({
    baseURL: reportsServer.url,
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  await new ServerLoginPage(page).signIn(reportsServer.url, ENGINEER.name, PASSWORD, '/');
  await new SyncStatusPage(page).waitUntilSynced();
  const reports = new ReportsPage(page);
  await reports.openFromMenu();
  await expect(reports.preview).toContainText('运维月报');
  // The first PDF fetches the fonts (online), and the browser keeps them for PDFs made offline.
  const firstPdf = await reports.savePdf();
  expect(firstPdf.suggestedFilename()).toMatch(/^运维月报-.*\.pdf$/);
  // The page's code and the fonts are here; from here on this PC reaches no server.
  await context.setOffline(true);
  await expect(reports.scope).toContainText('互联网+人社');
  await expect(reports.preview).toContainText('运维月报');
  // The month's figures count both of subsystem 1's tickets and name the one still open.
  await expect(reports.preview).toContainText('本月共受理问题 2 个，已解决 1 个');
  await expect(reports.preview).toContainText(OPEN_TITLE);
  await expect(reports.preview).not.toContainText(OTHER_TITLE);
  await expect(reports.charts.first().locator('svg')).toBeVisible();
  await manualScreenshot(page, 'reports-page');

  // Back on the page after another: a new worker, which finds the fonts in the browser's cache.
  await page.getByRole('menuitem', { name: '项目总览' }).click();
  await reports.openFromMenu();
  await expect(reports.preview).toContainText('本月共受理问题 2 个，已解决 1 个');
  const pdf = await reports.savePdf();
  expect(pdf.suggestedFilename()).toMatch(/^运维月报-.*\.pdf$/);
  const pdfFile = testInfo.outputPath('engineer-monthly.pdf');
  await pdf.saveAs(pdfFile);
  expect((await readFile(pdfFile)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { fonts, text } = readPdf(pdfFile);
  expect(fonts.length).toBeGreaterThan(0);
  // Every font embedded (emb) as a subset (sub, the ABCDEF+ prefix): the PDF looks the same on any PC.
  for (const row of fonts) expect(row).toMatch(/^[A-Z]{6}\+\S+\s.*\syes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
  expect(text).toContain('运维月报');
  expect(text).toContain('本月共受理问题2个，已解决1个');
  expect(text).toContain(OPEN_TITLE);
  expect(text).not.toContain(OTHER_TITLE);

  // The engineer's own remarks, saved offline as a record, follow the generated sentences.
  await reports.writeRemarks(REMARK_PROBLEM, REMARK_PLAN);
  await expect(reports.preview).toContainText(REMARK_PROBLEM);
  await expect(reports.preview).toContainText(REMARK_PLAN);

  const download = await reports.save(reports.saveDocxButton);
  expect(download.suggestedFilename()).toMatch(/^运维月报-.*\.docx$/);
  const files = await zipEntries(download);
  const body = strFromU8(files['word/document.xml'] as Uint8Array);
  expect(body.indexOf(REMARK_PROBLEM)).toBeGreaterThan(body.indexOf('存在问题与建议'));
  expect(body.indexOf(REMARK_PLAN)).toBeGreaterThan(body.indexOf('下月工作计划'));
  expect(body).toContain('本月共受理问题 2 个，已解决 1 个');
  expect(body).toContain(OPEN_TITLE);
  expect(body).not.toContain(OTHER_TITLE);
  // The charts as SVG with the PNG the page drew for them.
  const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
  expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
  expect(media.some((name) => name.endsWith('.png'))).toBe(true);

  const ledger = await reports.save(reports.saveXlsxButton);
  expect(ledger.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheets = await zipEntries(ledger);
  // The ledger lists every ticket of the month, one row each.
  const strings = strFromU8(sheets['xl/sharedStrings.xml'] as Uint8Array);
  for (const title of OWN_TITLES) expect(strings).toContain(title);
  expect(strings).not.toContain(OTHER_TITLE);
  await context.close();
});

test('the lead saves the half-year acceptance package offline, its contents list first', async ({
  browser,
  reportsServer,
}) => {
  const context = await browser.newContext({
    baseURL: reportsServer.url,
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  await new ServerLoginPage(page).signIn(reportsServer.url, LEAD.name, PASSWORD, '/');
  await new SyncStatusPage(page).waitUntilSynced();
  const reports = new ReportsPage(page);
  await reports.openFromMenu();
  // The page's code is loaded; from here on this PC reaches no server.
  await context.setOffline(true);
  await reports.chooseDocument('半年验收材料包');
  await expect(reports.preview).toContainText('运维服务总结报告');
  const download = reports.save(reports.savePackageButton);
  await expect(reports.busy).toContainText('个文件');
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/^验收材料-.*\.zip$/);
  const files = await zipEntries(zip);
  const names = Object.keys(files);
  expect(names[0]).toBe('目录.docx');
  expect(names.some((name) => /^01-[^/]+\/运维服务总结报告-.+\.docx$/.test(name))).toBe(true);
  expect(names.some((name) => name.startsWith('00-全部运维子项/') && name.endsWith('.xlsx'))).toBe(true);
  const contents = strFromU8(unzipSync(files['目录.docx'] as Uint8Array)['word/document.xml'] as Uint8Array);
  expect(contents).toContain('验收材料目录');
  const tickets = names.find(
    (name) => name.startsWith('00-全部运维子项/问题处理记录') && name.endsWith('.docx'),
  );
  expect(tickets).toBeDefined();
  const ticketBody = strFromU8(
    unzipSync(files[tickets as string] as Uint8Array)['word/document.xml'] as Uint8Array,
  );
  for (const title of [...OWN_TITLES, OTHER_TITLE]) expect(ticketBody).toContain(title);
  await context.close();
});

// ---------------------------------------------------------------- this month's tickets, pushed as the lead

/** A ticket of this month as the lead logged it, reported by 王喆 (a rare character the PDF must keep). */
function ticket(
  subsystemId: number,
  title: string,
  receivedAt: number,
  steps: readonly (readonly [TicketAction, number])[],
): Ticket {
  return seedTicket({ subsystemId, title, receivedAt, actor: LEAD.name, person: '王喆' }, steps);
}

/** Three tickets of this month: two of subsystem 1 (one resolved), one of subsystem 5. */
async function seedThisMonth(url: string, now: number): Promise<void> {
  if (now - 90 * MINUTE_MS < startOfDay(dayNumberOf(now))) throw new Error('本用例须在每天 01:30 之后运行');
  const records = [
    ticket(1, OWN_TITLES[0] as string, now - 80 * MINUTE_MS, [
      ['respond', now - 75 * MINUTE_MS],
      ['resolve', now - 60 * MINUTE_MS],
    ]),
    ticket(1, OWN_TITLES[1] as string, now - 50 * MINUTE_MS, [['respond', now - 45 * MINUTE_MS]]),
    ticket(5, OTHER_TITLE, now - 40 * MINUTE_MS, []),
  ];
  const push = new SeedPush('reportseed');
  for (const record of records) push.add('ticket', record);
  await push.pushAs(url, LEAD);
}
