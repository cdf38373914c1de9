import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTicket } from '@core/records/ticket-create';
import { type ReportRequest, buildLedgers, buildReport, reportSubtitle } from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';
import { februaryRequest } from '../test-support/report-records';
import { renderDocx, renderLedgersXlsx } from '@core/documents';
import { serverChartPicture } from './chart-svg';

/** LibreOffice is the office suite the tests can run; .ci/run installs it (libreoffice-*-nogui). */
const officeMissing = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0;
const title = officeMissing
  ? 'a real office suite opens the documents (skipped: soffice is not installed)'
  : 'a real office suite (LibreOffice) opens the documents';

/** A title as a caller might paste it: markup characters, quotes and characters XML 1.0 forbids. */
const HOSTILE_TITLE = '门户<script>&"首页"\u0001打不开\u000B\uFFFF';
/** What a reader sees of it: the forbidden characters are gone, the rest is as typed. */
const HOSTILE_TITLE_SEEN = '门户<script>&"首页"打不开';

/** February's monthly report with one more ticket, still open, titled HOSTILE_TITLE. */
function withHostileTitle(): ReportRequest {
  const request = februaryRequest('monthly');
  const made = newTicket(
    {
      subsystemId: 1,
      channel: 'phone',
      reporter: { unit: '省人社厅信息中心', person: '王喆', phone: '0851-86812345' },
      category: 'fault',
      severity: 'ordinary',
      title: HOSTILE_TITLE,
      receivedAt: parseInstant('2026-02-26T09:00'),
    },
    { actor: 'zhangsan', at: parseInstant('2026-02-26T09:00') },
  );
  if (!made.ok) throw new Error(made.reason);
  return {
    ...request,
    records: { ...request.records, tickets: [...request.records.tickets, made.ticket] },
  };
}

describe.skipIf(officeMissing)(title, () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yunwei-office-'));
    await writeFile(
      join(dir, 'monthly.docx'),
      await renderDocx(buildReport(februaryRequest('monthly')), serverChartPicture),
    );
    await writeFile(
      join(dir, 'hostile.docx'),
      await renderDocx(buildReport(withHostileTitle()), serverChartPicture),
    );
    const request = februaryRequest('tickets');
    await writeFile(
      join(dir, 'tickets.xlsx'),
      await renderLedgersXlsx(buildLedgers(request), reportSubtitle(request)),
    );
    // One profile directory of our own, so that a desktop LibreOffice of the same user is left alone.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        'monthly.docx',
        'hostile.docx',
        'tickets.xlsx',
      ],
      { cwd: dir, stdio: 'ignore', timeout: 120_000 },
    );
  }, 150_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  const text = (name: string) =>
    execFileSync('pdftotext', [join(dir, name), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const pages = (name: string) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, name)], { encoding: 'utf8' }))?.[1]);

  it('converts the monthly .docx with its outline, figures and odd/even page numbers', () => {
    const monthly = text('monthly.pdf');
    expect(monthly).toContain('运维月报');
    expect(monthly).toContain('一、运维工作概况');
    expect(monthly).toContain('本月共受理问题3个，已解决2个，解决率66.7%');
    expect(monthly).toContain('九、下月工作计划');
    expect(monthly).toMatch(/—1—[\s\S]*—2—/);
    expect(pages('monthly.pdf')).toBeGreaterThan(1);
  });

  it('keeps a ticket title with markup and forbidden characters as text, in the paragraphs and the tables', () => {
    const hostile = text('hostile.pdf');
    expect(hostile).toContain(
      `尚有2个问题未解决：“单点登录间歇失败”、“${HOSTILE_TITLE_SEEN}”，将持续跟进直至解决。`,
    );
    // The tables wrap it inside narrow cells, so the text extracted has the next column in between.
    expect(hostile.split(HOSTILE_TITLE_SEEN.slice(0, -1)).length).toBeGreaterThan(3);
  });

  it('converts the ledger .xlsx with its title and one row per ticket', () => {
    const ledger = text('tickets.pdf');
    expect(ledger).toContain('问题处理记录台账');
    for (const name of ['社保查询页面报错', '网站首页无法打开', '单点登录间歇失败', '王喆', '李堃', '赵昇']) {
      expect(ledger).toContain(name);
    }
  });

  it('renders the pages as pictures', () => {
    execFileSync('pdftoppm', [
      '-r',
      '50',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'monthly.pdf'),
      join(dir, 'page'),
    ]);
    expect(existsSync(join(dir, 'page-1.png'))).toBe(true);
  });
});
