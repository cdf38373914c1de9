import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportBlock, ReportChart, ReportDocument, ReportSection, ReportTable } from '../reports';
import { type DocumentFonts, GB_DOCUMENT_FONTS } from './docx-fonts';
import { tableXml } from './docx-table-xml';

/** A chart drawn: its SVG, and a PNG of it for the readers that draw no SVG (Word before 2016). */
export interface ChartPicture {
  readonly svg: string;
  readonly png: Uint8Array;
}

/**
 * Draws a document's charts. Where and how is the caller's: the server renders ECharts to SVG in Node
 * and rasterises with resvg, the app's worker draws in the browser.
 */
export type ChartPictures = (chart: ReportChart) => ChartPicture | Promise<ChartPicture>;

/*
 * GB/T 9704-2012 page setup (LIBRARIES.md §1, measured): A4; margins top 37, bottom 35, left 28,
 * right 26 mm; 22 lines of 28 characters. The grid is the portable variant: `lines` with a 579-twip
 * pitch and exact 579-twip line spacing, body characters tightened by 0.25 pt so 28 fit a line in Word,
 * WPS and LibreOffice alike (LibreOffice lays `linesAndChars` out at 19 a line).
 */
const A4 = { width: 11906, height: 16838 };
const LINE_PITCH = 579;
const BODY_SIZE = 32; // 三号 16 pt, in half-points
const TITLE_SIZE = 44; // 二号 22 pt
const PAGE_NUMBER_SIZE = 28; // 四号 14 pt
const TABLE_SIZE = 24; // 小四 12 pt
const WIDE_TABLE_SIZE = 18; // 小五 9 pt, for ledgers with many columns
const TEXT_WIDTH = A4.width - mm(28) - mm(26);
const TABLE_STYLE = 'TableText';
const WIDE_TABLE_STYLE = 'TableTextWide';

/**
 * Table text: its own size and single spacing, off the 22-line grid of the body (exact body spacing
 * would clip it).
 */
function tableTextStyle(id: string, size: number) {
  return {
    id,
    name: id,
    basedOn: 'Normal',
    run: { size, snapToGrid: false },
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT },
  };
}

/** 空两字: the first-line indent of a body paragraph, two 16 pt characters. */
const TWO_CHARACTERS = 640;

export function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

function fontSet(eastAsia: string) {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia };
}

/** 「— N —」, 14 pt 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(fonts: DocumentFonts, odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            font: fontSet(fonts.pageNumber),
            size: PAGE_NUMBER_SIZE,
            children: ['— ', PageNumber.CURRENT, ' —'],
          }),
        ],
      }),
    ],
  });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: TWO_CHARACTERS }, children: [new TextRun(text)] });
}

function headingParagraph(section: ReportSection, fonts: DocumentFonts): Paragraph {
  return new Paragraph({
    indent: { firstLine: TWO_CHARACTERS },
    keepNext: true,
    children: [
      new TextRun({
        text: section.heading,
        font: fontSet(section.level === 1 ? fonts.heading1 : fonts.heading2),
      }),
    ],
  });
}

/**
 * Where a table goes: a paragraph of its own that only this writer makes (every other paragraph has
 * properties), replaced by the table's XML once the library has written the document.
 */
const TABLE_PLACE = '\uE000表格';

function tablePlaceXml(index: number): string {
  return `<w:p><w:r><w:t xml:space="preserve">${TABLE_PLACE}${index}</w:t></w:r></w:p>`;
}

function tableBlock(table: ReportTable, number: number, fonts: DocumentFonts, tables: string[]): Paragraph[] {
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new TextRun({
        text: `表${number}\u3000${table.caption}`,
        font: fontSet(fonts.heading1),
        size: TABLE_SIZE,
      }),
    ],
  });
  if (table.rows.length === 0) return [caption, bodyParagraph(table.emptyText)];
  const totalWidth = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.floor((TEXT_WIDTH * column.width) / totalWidth));
  // Size, spacing and grid come from the table's paragraph style, not from each of thousands of cells.
  tables.push(
    tableXml(table, {
      widths,
      tableWidth: TEXT_WIDTH,
      style: table.columns.length > 8 ? WIDE_TABLE_STYLE : TABLE_STYLE,
      headerFont: fonts.heading1,
    }),
  );
  return [
    caption,
    new Paragraph({ children: [new TextRun(`${TABLE_PLACE}${tables.length - 1}`)] }),
    // A table directly followed by a heading would touch it; an empty line keeps the grid.
    new Paragraph({ children: [] }),
  ];
}

/** Pixels at 96 to the inch, as the library sizes pictures: the text width. */
const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/**
 * A chart as a picture the width of the text: the SVG (Word 2016 and later, WPS) with a PNG for the
 * readers that draw no SVG, its caption 图 N below it. Off the grid: exact spacing would clip it.
 */
function chartBlock(
  chart: ReportChart,
  picture: ChartPicture,
  number: number,
  fonts: DocumentFonts,
): Paragraph[] {
  const height = Math.round((TEXT_WIDTH_PX * chart.height) / chart.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: 'svg',
          data: strToU8(picture.svg),
          fallback: { type: 'png', data: picture.png },
          transformation: { width: TEXT_WIDTH_PX, height },
          altText: { name: chart.caption, description: chart.caption, title: chart.caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: `图${number}\u3000${chart.caption}`,
          font: fontSet(fonts.heading1),
          size: TABLE_SIZE,
        }),
      ],
    }),
  ];
}

/** The .docx with each table's place in word/document.xml replaced by the table. */
function withTables(docx: Uint8Array, tables: readonly string[]): Uint8Array {
  if (tables.length === 0) return docx;
  const files = unzipSync(docx);
  const body = files[DOCUMENT_XML];
  if (body === undefined) throw new Error(`生成的 .docx 中缺少 ${DOCUMENT_XML}`);
  let xml = strFromU8(body);
  tables.forEach((table, index) => {
    const place = tablePlaceXml(index);
    const at = xml.indexOf(place);
    if (at < 0) throw new Error(`生成 .docx 时找不到第 ${index + 1} 个表格的位置`);
    xml = xml.slice(0, at) + table + xml.slice(at + place.length);
  });
  files[DOCUMENT_XML] = strToU8(xml);
  const styles = files[STYLES_XML];
  if (styles === undefined) throw new Error(`生成的 .docx 中缺少 ${STYLES_XML}`);
  files[STYLES_XML] = strToU8(offTheLineGrid(strFromU8(styles)));
  // Level 3: at 6, deflating took 60 % longer (most of a package's 1.5 s of it) for a sixth less size.
  return zipSync(files, { level: 3 });
}

const DOCUMENT_XML = 'word/document.xml';
const STYLES_XML = 'word/styles.xml';

/**
 * The table styles' paragraphs off the 22-line grid (pPr's snapToGrid; the library writes only the
 * run's, which is the character grid): on the grid every table row was a whole body line high or two.
 */
function offTheLineGrid(styles: string): string {
  return styles.replace(
    new RegExp(`(w:styleId="(?:${TABLE_STYLE}|${WIDE_TABLE_STYLE})">(?:(?!</w:style>).)*?<w:pPr>)`, 'g'),
    '$1<w:snapToGrid w:val="false"/>',
  );
}

/** Every chart of the document, in document order. */
function chartsOf(sections: readonly ReportSection[]): ReportChart[] {
  return sections.flatMap((section) => [
    ...section.blocks.filter((block): block is ReportChart => block.kind === 'chart'),
    ...chartsOf(section.subsections),
  ]);
}

/**
 * Renders a report document as a .docx following GB/T 9704-2012, its charts drawn by `pictures`
 * (all of them before the document is laid out, so a drawing that takes time is awaited once).
 */
export async function renderDocx(
  document: ReportDocument,
  pictures: ChartPictures,
  fonts: DocumentFonts = GB_DOCUMENT_FONTS,
): Promise<Uint8Array> {
  const charts = chartsOf(document.sections);
  const drawn = await Promise.all(charts.map((chart) => pictures(chart)));
  const pictureOf = new Map(charts.map((chart, index) => [chart, drawn[index] as ChartPicture]));
  const tables: string[] = [];
  let tableNumber = 0;
  let chartNumber = 0;
  const blocks = (list: readonly ReportBlock[]): Paragraph[] =>
    list.flatMap((block) => {
      switch (block.kind) {
        case 'paragraph':
          return [bodyParagraph(block.text)];
        case 'table':
          tableNumber += 1;
          return tableBlock(block, tableNumber, fonts, tables);
        case 'chart':
          chartNumber += 1;
          return chartBlock(block, pictureOf.get(block) as ChartPicture, chartNumber, fonts);
      }
    });
  const sectionContent = (section: ReportSection): Paragraph[] => [
    headingParagraph(section, fonts),
    ...blocks(section.blocks),
    ...section.subsections.flatMap(sectionContent),
  ];
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, after: LINE_PITCH },
    children: [new TextRun({ text: document.title, font: fontSet(fonts.title), size: TITLE_SIZE })],
  });
  const subtitle = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: LINE_PITCH },
    children: [new TextRun({ text: document.subtitle, font: fontSet(fonts.heading2) })],
  });
  const attachments =
    document.attachments.length === 0
      ? []
      : [
          new Paragraph({ children: [] }),
          bodyParagraph(
            `附件：${document.attachments.map((name, index) => (document.attachments.length === 1 ? name : `${index + 1}. ${name}`)).join('\u3000')}`,
          ),
        ];

  const file = new Document({
    creator: '运维台',
    title: document.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      paragraphStyles: [
        tableTextStyle(TABLE_STYLE, TABLE_SIZE),
        tableTextStyle(WIDE_TABLE_STYLE, WIDE_TABLE_SIZE),
      ],
      default: {
        document: {
          run: { font: fontSet(fonts.body), size: BODY_SIZE, characterSpacing: -5 },
          paragraph: {
            spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
            alignment: AlignmentType.JUSTIFIED,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(23) },
            pageNumbers: { start: 1 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter(fonts, true), even: pageNumberFooter(fonts, false) },
        children: [title, subtitle, ...document.sections.flatMap(sectionContent), ...attachments],
      },
    ],
  });
  return withTables(new Uint8Array(await Packer.toArrayBuffer(file)), tables);
}
