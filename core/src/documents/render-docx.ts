import type { ReportBlock, ReportChart, ReportDocument, ReportSection, ReportTable } from '../reports';
import { type DocumentFonts, GB_DOCUMENT_FONTS } from './docx-fonts';
import {
  DOCUMENT_END,
  DOCUMENT_START,
  DOCUMENT_XML,
  FOOTER_EVEN_RID,
  FOOTER_ODD_RID,
  appPropertiesXml,
  contentTypesXml,
  corePropertiesXml,
  documentRelationshipsXml,
  fontTableXml,
  fontsXml,
  footerXml,
  packageRelationshipsXml,
  picturePart,
  settingsXml,
  stylesXml,
} from './docx-parts';
import { tableXml, xmlText } from './docx-table-xml';
import { PORTABLE_ZIP_CODEC, type ZipCodec, type ZipEntry, zipArchive } from './zip-archive';

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
const CHARACTER_SPACING = -5; // -0.25 pt, in twentieths of a point
const TEXT_WIDTH = A4.width - mm(28) - mm(26);
const TABLE_STYLE = 'TableText';
const WIDE_TABLE_STYLE = 'TableTextWide';
/** The page number's distance from the page's outer edge of the text: one 14 pt character. */
const PAGE_NUMBER_INDENT = 280;

/** 空两字: the first-line indent of a body paragraph, two 16 pt characters. */
const TWO_CHARACTERS = 640;

export function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

/** Single spacing, for what sits off the 22-line grid (titles, pictures): exact spacing would clip it. */
const SINGLE = '<w:spacing w:line="240" w:lineRule="auto"/>';
const CENTER = '<w:jc w:val="center"/>';
const KEEP_NEXT = '<w:keepNext/>';
const INDENTED = `<w:ind w:firstLine="${TWO_CHARACTERS}"/>`;
const EMPTY_PARAGRAPH = '<w:p/>';

/** A paragraph of one run; `paragraph` and `run` are its properties' XML, in the schema's order. */
function paragraphXml(text: string, paragraph: string, run = ''): string {
  return (
    `<w:p>${paragraph === '' ? '' : `<w:pPr>${paragraph}</w:pPr>`}<w:r>${run === '' ? '' : `<w:rPr>${run}</w:rPr>`}` +
    `<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`
  );
}

function bodyParagraph(text: string): string {
  return paragraphXml(text, INDENTED);
}

function headingParagraph(section: ReportSection, fonts: DocumentFonts): string {
  return paragraphXml(
    section.heading,
    KEEP_NEXT + INDENTED,
    fontsXml(section.level === 1 ? fonts.heading1 : fonts.heading2),
  );
}

/** 表 N / 图 N captions: 12 pt 黑体, centred. */
function captionParagraph(text: string, fonts: DocumentFonts, keepNext: boolean): string {
  return paragraphXml(
    text,
    (keepNext ? KEEP_NEXT : '') + CENTER,
    `${fontsXml(fonts.heading1)}<w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/>`,
  );
}

function tableBlock(table: ReportTable, number: number, fonts: DocumentFonts): string {
  const caption = captionParagraph(`表${number}\u3000${table.caption}`, fonts, true);
  if (table.rows.length === 0) return caption + bodyParagraph(table.emptyText);
  const totalWidth = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.floor((TEXT_WIDTH * column.width) / totalWidth));
  // Size, spacing and grid come from the table's paragraph style, not from each of thousands of cells.
  const xml = tableXml(table, {
    widths,
    tableWidth: TEXT_WIDTH,
    style: table.columns.length > 8 ? WIDE_TABLE_STYLE : TABLE_STYLE,
    headerFont: fonts.heading1,
  });
  // A table directly followed by a heading would touch it; an empty line keeps the grid.
  return caption + xml + EMPTY_PARAGRAPH;
}

/** English Metric Units a CSS pixel (96 to the inch) has: pictures are sized in them. */
const EMU_PER_PIXEL = 9525;
/** The text width in whole pixels, as pictures are laid out at. */
const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/**
 * A chart as a picture the width of the text: the SVG (Word 2016 and later, WPS) with a PNG for the
 * readers that draw no SVG, its caption 图 N below it. Off the grid: exact spacing would clip it.
 */
function chartBlock(chart: ReportChart, index: number, fonts: DocumentFonts): string {
  const part = picturePart(index);
  const cx = TEXT_WIDTH_PX * EMU_PER_PIXEL;
  const cy = Math.round((TEXT_WIDTH_PX * chart.height) / chart.width) * EMU_PER_PIXEL;
  const name = xmlText(chart.caption);
  const extent = `cx="${cx}" cy="${cy}"`;
  const picture =
    `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent ${extent}/>` +
    '<wp:effectExtent l="0" t="0" r="0" b="0"/>' +
    `<wp:docPr id="${index + 1}" name="${name}" descr="${name}" title="${name}"/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:nvPicPr><pic:cNvPr id="0" name="${name}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${part.pngRid}"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">` +
    `<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${part.svgRid}"/></a:ext></a:extLst></a:blip>` +
    '<a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>' +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext ${extent}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
  return (
    `<w:p><w:pPr>${KEEP_NEXT}${SINGLE}${CENTER}</w:pPr><w:r>${picture}</w:r></w:p>` +
    captionParagraph(`图${index + 1}\u3000${chart.caption}`, fonts, false)
  );
}

/** Every chart of the document, in document order. */
function chartsOf(sections: readonly ReportSection[]): ReportChart[] {
  return sections.flatMap((section) => [
    ...section.blocks.filter((block): block is ReportChart => block.kind === 'chart'),
    ...chartsOf(section.subsections),
  ]);
}

/** The section: the page, its margins and line grid, the footers, pages numbered from 1. */
function sectionPropertiesXml(): string {
  return (
    `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTER_ODD_RID}"/><w:footerReference w:type="even" r:id="${FOOTER_EVEN_RID}"/>` +
    `<w:pgSz w:w="${A4.width}" w:h="${A4.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}" w:header="708" w:footer="${mm(23)}" w:gutter="0"/>` +
    `<w:pgNumType w:start="1"/><w:docGrid w:type="lines" w:linePitch="${LINE_PITCH}"/></w:sectPr>`
  );
}

function documentXml(document: ReportDocument, fonts: DocumentFonts): string {
  const parts: string[] = [DOCUMENT_START];
  let tableNumber = 0;
  let chartIndex = 0;
  const blocks = (list: readonly ReportBlock[]) => {
    for (const block of list) {
      switch (block.kind) {
        case 'paragraph':
          parts.push(bodyParagraph(block.text));
          break;
        case 'table':
          tableNumber += 1;
          parts.push(tableBlock(block, tableNumber, fonts));
          break;
        case 'chart':
          parts.push(chartBlock(block, chartIndex, fonts));
          chartIndex += 1;
          break;
      }
    }
  };
  const section = (each: ReportSection) => {
    parts.push(headingParagraph(each, fonts));
    blocks(each.blocks);
    each.subsections.forEach(section);
  };
  parts.push(
    paragraphXml(
      document.title,
      `<w:spacing w:after="${LINE_PITCH}" w:line="240" w:lineRule="auto"/>${CENTER}`,
      `${fontsXml(fonts.title)}<w:sz w:val="${TITLE_SIZE}"/><w:szCs w:val="${TITLE_SIZE}"/>`,
    ),
    paragraphXml(
      document.subtitle,
      `<w:spacing w:after="${LINE_PITCH}"/>${CENTER}`,
      fontsXml(fonts.heading2),
    ),
  );
  document.sections.forEach(section);
  if (document.attachments.length > 0) {
    const names = document.attachments.map((name, index) =>
      document.attachments.length === 1 ? name : `${index + 1}. ${name}`,
    );
    parts.push(EMPTY_PARAGRAPH, bodyParagraph(`附件：${names.join('\u3000')}`));
  }
  parts.push(sectionPropertiesXml(), DOCUMENT_END);
  return parts.join('');
}

/**
 * Deflate level 3 for the XML: at 6, deflating took 60 % longer for a sixth less size. The PNGs are
 * compressed already and are stored.
 */
const XML_LEVEL = 3;

const encoder = new TextEncoder();

/**
 * Renders a report document as a .docx following GB/T 9704-2012, its charts drawn by `pictures`
 * (all of them before the document is written, so a drawing that takes time is awaited once), zipped
 * with `codec`.
 */
export async function renderDocx(
  document: ReportDocument,
  pictures: ChartPictures,
  fonts: DocumentFonts = GB_DOCUMENT_FONTS,
  codec: ZipCodec = PORTABLE_ZIP_CODEC,
): Promise<Uint8Array> {
  const charts = chartsOf(document.sections);
  const drawn = await Promise.all(charts.map((chart) => pictures(chart)));
  const xml = (path: string, text: string): ZipEntry => ({
    path,
    data: encoder.encode(text),
    level: XML_LEVEL,
  });
  const footer = (odd: boolean) =>
    footerXml({ odd, font: fonts.pageNumber, size: PAGE_NUMBER_SIZE, indent: PAGE_NUMBER_INDENT });
  const entries: ZipEntry[] = [
    xml('[Content_Types].xml', contentTypesXml()),
    xml('_rels/.rels', packageRelationshipsXml()),
    xml('docProps/core.xml', corePropertiesXml(document.title, '运维台')),
    xml('docProps/app.xml', appPropertiesXml('运维台')),
    xml(DOCUMENT_XML, documentXml(document, fonts)),
    xml('word/_rels/document.xml.rels', documentRelationshipsXml(drawn.length)),
    xml(
      'word/styles.xml',
      stylesXml({
        bodyFont: fonts.body,
        bodySize: BODY_SIZE,
        characterSpacing: CHARACTER_SPACING,
        linePitch: LINE_PITCH,
        tableStyles: [
          { id: TABLE_STYLE, size: TABLE_SIZE },
          { id: WIDE_TABLE_STYLE, size: WIDE_TABLE_SIZE },
        ],
      }),
    ),
    xml('word/settings.xml', settingsXml()),
    xml('word/fontTable.xml', fontTableXml()),
    xml('word/footer1.xml', footer(true)),
    xml('word/footer2.xml', footer(false)),
    ...drawn.flatMap((picture, index) => {
      const part = picturePart(index);
      return [
        xml(`word/${part.svgPath}`, picture.svg),
        { path: `word/${part.pngPath}`, data: picture.png, level: 0 },
      ];
    }),
  ];
  return zipArchive(entries, codec);
}
