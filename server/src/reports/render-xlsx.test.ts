import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildLedgers, reportSubtitle } from '@core/reports';
import { februaryRequest } from '../test-support/report-records';
import { columnLetters, renderLedgersXlsx } from '@core/documents';

async function workbookOf(kind: 'tickets' | 'monthly' | 'visits') {
  const request = februaryRequest(kind);
  const workbook = new ExcelJS.Workbook();
  const bytes = await renderLedgersXlsx(buildLedgers(request), reportSubtitle(request));
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

describe('the .xlsx ledgers', () => {
  it('give one row per record under a frozen header, the title and period merged above it', async () => {
    const sheet = (await workbookOf('tickets')).worksheets[0];
    if (sheet === undefined) throw new Error('台账没有工作表');
    expect(sheet.name).toBe('问题处理记录台账');
    expect(sheet.getCell('A1').value).toBe('问题处理记录台账');
    expect(sheet.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
    expect(sheet.getCell('A2').value).toBe('全部运维子项\u30002026年2月');
    expect(sheet.getCell('P1').isMerged).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getRow(3).values).toContain('问题标题');
    expect(sheet.getCell('C3').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } });
    expect([4, 5, 6].map((row) => sheet.getCell(row, 9).value)).toEqual([
      '社保查询页面报错',
      '网站首页无法打开',
      '单点登录间歇失败',
    ]);
    expect(sheet.getCell('F4').value).toBe('王喆');
    expect(sheet.getCell('A4').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(sheet.getCell('I4').border?.top).toMatchObject({ style: 'thin' });
    expect(sheet.getColumn(9).width).toBe(Math.ceil(18 * 1.8) + 1);
    expect(sheet.autoFilter).toBe('A3:P3');
  });

  it('print A4 landscape fitted to the width, with the title rows on every page and page numbers', async () => {
    const sheet = (await workbookOf('tickets')).worksheets[0];
    expect(sheet?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(sheet?.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  it('put each ledger of a document on a sheet of its own, and say so when a ledger has no rows', async () => {
    expect((await workbookOf('monthly')).worksheets.map((sheet) => sheet.name)).toEqual([
      '问题处理记录台账',
      '巡检记录台账',
    ]);
    // February's records hold no visit.
    const visits = (await workbookOf('visits')).worksheets[0];
    expect(visits?.getCell('A4').value).toBe('所选期间没有回访记录。');
    expect(visits?.getCell('D4').isMerged).toBe(true);
  });

  it('names columns past Z as Excel does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
