import type { ReportTable } from '../reports';

/**
 * A table's WordprocessingML, written as text. The `docx` library builds an object per row, cell,
 * paragraph and run and formats them through generic XML objects; a half-year package has some 20,000
 * table rows, and that took most of its time and memory. The XML is the same the library wrote.
 */
export interface TableXmlOptions {
  /** Column widths in twips; they add up to the table's width. */
  readonly widths: readonly number[];
  readonly tableWidth: number;
  /** The paragraph style of the cells (size, spacing, off the grid). */
  readonly style: string;
  /** The east-Asian font of the header row (黑体). */
  readonly headerFont: string;
}

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 does not allow are what is removed
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Text as element content: escaped, and without the control characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return text.replace(CONTROL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;');
}

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';

export function tableXml(table: ReportTable, options: TableXmlOptions): string {
  const { widths, style } = options;
  const fonts = `<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="${attribute(options.headerFont)}" w:hAnsi="Times New Roman"/>`;
  const justification = table.columns.map((column) =>
    column.align === 'center'
      ? '<w:jc w:val="center"/>'
      : column.align === 'right'
        ? '<w:jc w:val="right"/>'
        : '',
  );
  const cellStart = widths.map((width) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr>`);
  const header = table.columns
    .map(
      (column, index) =>
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[index] ?? 0}"/><w:vAlign w:val="center"/></w:tcPr>` +
        `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:jc w:val="center"/></w:pPr>` +
        `<w:r><w:rPr>${fonts}</w:rPr><w:t xml:space="preserve">${xmlText(column.header)}</w:t></w:r></w:p></w:tc>`,
    )
    .join('');
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${options.tableWidth}"/><w:jc w:val="center"/>`,
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>`,
    `<w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/>`,
    '<w:tblCellMar><w:left w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="60"/></w:tblCellMar></w:tblPr>',
    `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header}</w:tr>`,
  ];
  for (const row of table.rows) {
    let cells = '';
    for (let index = 0; index < table.columns.length; index += 1) {
      cells +=
        `${cellStart[index]}<w:p><w:pPr><w:pStyle w:val="${style}"/>${justification[index]}</w:pPr>` +
        `<w:r><w:t xml:space="preserve">${xmlText(row[index] ?? '')}</w:t></w:r></w:p></w:tc>`;
    }
    parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells}</w:tr>`);
  }
  parts.push('</w:tbl>');
  return parts.join('');
}
