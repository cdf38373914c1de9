import ExcelJS from 'exceljs';
import type { Ledger } from '@core/reports';

/** Rows above the header: the title and the period/scope line, repeated on every printed page. */
const TITLE_ROWS = 2;

/**
 * Ledgers (台账) as an .xlsx, a sheet each: one row per record, the header frozen and repeated on every printed page
 * with the title, widths fit for Chinese (a 10 pt Chinese character takes about 1.8 Excel width units), A4 landscape
 * fitted to the page width.
 */
export async function renderLedgersXlsx(ledgers: readonly Ledger[], subtitle: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '运维台';
  for (const ledger of ledgers) addLedgerSheet(workbook, ledger, subtitle);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addLedgerSheet(workbook: ExcelJS.Workbook, ledger: Ledger, subtitle: string): void {
  const sheet = workbook.addWorksheet(ledger.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${TITLE_ROWS + 1}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  const columnCount = ledger.columns.length;
  sheet.columns = ledger.columns.map((column) => ({ width: Math.ceil(column.width * 1.8) + 1 }));

  sheet.mergeCells(1, 1, 1, columnCount);
  const title = sheet.getCell(1, 1);
  title.value = ledger.title;
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  sheet.mergeCells(2, 1, 2, columnCount);
  const sub = sheet.getCell(2, 1);
  sub.value = subtitle;
  sub.font = { name: '宋体', size: 11 };
  sub.alignment = { horizontal: 'center' };

  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = sheet.getRow(TITLE_ROWS + 1);
  ledger.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: '黑体', size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = border;
  });
  header.height = 24;
  sheet.autoFilter = {
    from: { row: TITLE_ROWS + 1, column: 1 },
    to: { row: TITLE_ROWS + 1, column: columnCount },
  };

  for (const values of ledger.rows) {
    const row = sheet.addRow([...values]);
    ledger.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.font = { name: '宋体', size: 10 };
      cell.alignment = { horizontal: column.align ?? 'left', vertical: 'top', wrapText: true };
      cell.border = border;
    });
  }
  if (ledger.rows.length === 0) {
    const row = sheet.addRow([ledger.emptyText]);
    sheet.mergeCells(row.number, 1, row.number, columnCount);
    row.getCell(1).font = { name: '宋体', size: 10 };
  }
}
