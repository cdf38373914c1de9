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

/**
 * What XML 1.0 does not allow in a document: the C0 controls but tab, line feed and carriage return,
 * U+FFFE and U+FFFF, and a surrogate without its pair. A ticket's title is what a caller typed or
 * pasted, and one such character makes Word refuse the whole file.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 does not allow are what is removed
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- as FORBIDDEN, and the characters markup gives meaning to
const NEEDS_WORK = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as element content or a double-quoted attribute's value: escaped, and without what XML 1.0
 * does not allow. Most text needs neither, and is returned as it is without a copy.
 */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(/[&<>"]/g, (character) => ENTITIES[character] ?? character);
}

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';

export function tableXml(table: ReportTable, options: TableXmlOptions): string {
  const { widths, style } = options;
  const fonts = `<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="${xmlText(options.headerFont)}" w:hAnsi="Times New Roman"/>`;
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
