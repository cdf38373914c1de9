import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportBlock, ReportChart, ReportDocument, ReportSection, ReportTable } from '../reports';
import { PDF_FONT_ROLES, type PdfFontRole } from './pdf-font-files';
import type { PdfFaces } from './pdf-fonts';
import { drawText, textWidth } from './pdf-text';

/*
 * The PDF of a report, the same wherever it is made: the server (Node), the app's Web Worker (the
 * browser build and Electron) run this code with the same font files, given as opened faces.
 *
 * The same GB/T 9704 page as the .docx: A4, margins 37/35/28/26 mm, 22 lines of 28 characters of 16 pt.
 * Lines are laid out here (not by pdfkit's wrapper) so that every line sits on the grid and closing
 * punctuation never starts a line.
 */
const PT_PER_MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 37 * PT_PER_MM, bottom: 35 * PT_PER_MM, left: 28 * PT_PER_MM, right: 26 * PT_PER_MM };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const TEXT_BOTTOM = PAGE.height - MARGIN.bottom;
const LINE_PITCH = (TEXT_BOTTOM - MARGIN.top) / 22;
const BODY_SIZE = 16;
/** Tightens 16 pt characters so that 28 fit the 156 mm line, as the .docx does. */
const BODY_SPACING = (TEXT_WIDTH - 28 * BODY_SIZE) / 28;
const TITLE_SIZE = 22;
const PAGE_NUMBER_SIZE = 14;
const TABLE_SIZE = 12;
const WIDE_TABLE_SIZE = 9;
const CELL_PADDING = 3;

/** Characters that may not start a line (禁则): they hang at the end of the line before. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’%·…—'.split(''));
/** Characters that may not end a line. */
const NO_LINE_END = new Set('（《「『“‘'.split(''));

type Doc = PDFKit.PDFDocument;

interface Cursor {
  y: number;
}

/**
 * Splits text into the units a line may break between: a CJK character, or a run of Latin/digits
 * (which may also break after a hyphen, so a date can wrap as 2026-02- / 14).
 */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.,:/+_%@#]+-?|-|\s+|./gsu) ?? [];
}

/**
 * Greedy line breaking with 禁则: what fits in `width`. `measure` gives a token's width, and a line is
 * as wide as its tokens and a `gap` between each two (the character spacing), so each token is
 * measured once and not every longer candidate line again.
 */
export function breakLines(
  text: string,
  width: number,
  measure: (text: string) => number,
  gap = 0,
): string[] {
  // Most table cells fit on one line: one measure instead of one per token (with no gap, the whole's
  // width is its tokens').
  if (gap === 0 && !text.includes('\n') && !/^\s/u.test(text) && measure(text) <= width) return [text];
  const widths = new Map<string, number>();
  const widthOf = (token: string) => {
    let known = widths.get(token);
    if (known === undefined) {
      known = measure(token);
      widths.set(token, known);
    }
    return known;
  };
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  // A run of Latin or digits wider than the whole line is broken between its characters.
  const units = tokens(text).flatMap((token) =>
    token.length > 1 && widthOf(token) > width ? [...token] : [token],
  );
  for (const token of units) {
    if (token === '\n') {
      lines.push(line);
      line = '';
      lineWidth = 0;
      continue;
    }
    if (line === '' && /^\s+$/.test(token)) continue;
    const candidate = line === '' ? widthOf(token) : lineWidth + gap + widthOf(token);
    if (candidate <= width || line === '' || NO_LINE_START.has(token)) {
      line += token;
      lineWidth = candidate;
      continue;
    }
    const last = line.at(-1) ?? '';
    if (NO_LINE_END.has(last)) {
      lines.push(line.slice(0, -1));
      line = last + token;
      lineWidth = widthOf(last) + gap + widthOf(token);
    } else {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
      lineWidth = line === '' ? 0 : widthOf(token);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function newPage(doc: Doc, cursor: Cursor): void {
  doc.addPage();
  cursor.y = MARGIN.top;
}

function ensureRoom(doc: Doc, cursor: Cursor, height: number): void {
  if (cursor.y + height > TEXT_BOTTOM + 0.01) newPage(doc, cursor);
}

/** Body text on the grid: first line indented two characters. */
function writeParagraph(doc: Doc, cursor: Cursor, text: string, font: FontRole, indent = 2): void {
  const face = useFont(doc, font);
  const measure = (value: string) => textWidth(face, BODY_SIZE, value, BODY_SPACING);
  const indentWidth = indent * (BODY_SIZE + BODY_SPACING);
  const first = breakLines(text, TEXT_WIDTH - indentWidth, measure, BODY_SPACING)[0] ?? '';
  const rest = breakLines(text.slice(first.length).trimStart(), TEXT_WIDTH, measure, BODY_SPACING);
  const lines = [first, ...(text.slice(first.length).trim() === '' ? [] : rest)];
  lines.forEach((line, index) => {
    ensureRoom(doc, cursor, LINE_PITCH);
    const x = MARGIN.left + (index === 0 ? indentWidth : 0);
    drawText(doc, face, BODY_SIZE, line, x, cursor.y + (LINE_PITCH - BODY_SIZE) / 2, BODY_SPACING);
    cursor.y += LINE_PITCH;
  });
}

function writeCentered(
  doc: Doc,
  cursor: Cursor,
  text: string,
  font: FontRole,
  size: number,
  pitch: number,
): void {
  const face = useFont(doc, font);
  const measure = (value: string) => textWidth(face, size, value);
  for (const line of breakLines(text, TEXT_WIDTH, measure)) {
    ensureRoom(doc, cursor, pitch);
    drawText(
      doc,
      face,
      size,
      line,
      MARGIN.left + (TEXT_WIDTH - measure(line)) / 2,
      cursor.y + (pitch - size) / 2,
    );
    cursor.y += pitch;
  }
}

function writeTable(doc: Doc, cursor: Cursor, table: ReportTable, number: number): void {
  ensureRoom(doc, cursor, LINE_PITCH * 3);
  writeCentered(doc, cursor, `表${number}\u3000${table.caption}`, 'heading1', TABLE_SIZE, LINE_PITCH);
  if (table.rows.length === 0) {
    writeParagraph(doc, cursor, table.emptyText, 'body');
    return;
  }
  const size = table.columns.length > 8 ? WIDE_TABLE_SIZE : TABLE_SIZE;
  const leading = size * 1.35;
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => (TEXT_WIDTH * column.width) / total);
  const layout = (cells: readonly string[], font: FontRole) => {
    const face = faceOf(doc, font);
    const measure = (value: string) => textWidth(face, size, value);
    const lines = widths.map((width, index) =>
      breakLines(cells[index] ?? '', width - 2 * CELL_PADDING, measure),
    );
    const height = Math.max(...lines.map((cell) => cell.length)) * leading + 2 * CELL_PADDING;
    return { lines, height, font };
  };
  const drawRow = (row: ReturnType<typeof layout>, header: boolean) => {
    const face = useFont(doc, row.font);
    // The row's cell borders as one path, stroked once.
    doc.lineWidth(0.5);
    let x = MARGIN.left;
    for (const width of widths) {
      doc.rect(x, cursor.y, width, row.height);
      x += width;
    }
    doc.stroke();
    x = MARGIN.left;
    row.lines.forEach((cellLines, index) => {
      const width = widths[index] as number;
      const align = header ? 'center' : (table.columns[index]?.align ?? 'left');
      cellLines.forEach((line, lineIndex) => {
        const left =
          align === 'center'
            ? x + (width - textWidth(face, size, line)) / 2
            : align === 'right'
              ? x + width - CELL_PADDING - textWidth(face, size, line)
              : x + CELL_PADDING;
        drawText(
          doc,
          face,
          size,
          line,
          left,
          cursor.y + CELL_PADDING + lineIndex * leading + (leading - size) / 2,
        );
      });
      x += width;
    });
    cursor.y += row.height;
  };
  const header = layout(
    table.columns.map((column) => column.header),
    'heading1',
  );
  ensureRoom(doc, cursor, header.height * 2);
  drawRow(header, true);
  for (const cells of table.rows) {
    const row = layout(cells, 'body');
    if (cursor.y + row.height > TEXT_BOTTOM) {
      newPage(doc, cursor);
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  // Back onto the grid below the table, with an empty line like the .docx.
  const used = cursor.y - MARGIN.top;
  cursor.y = MARGIN.top + Math.ceil(used / LINE_PITCH - 0.001) * LINE_PITCH + LINE_PITCH;
}

/**
 * A chart as vector graphics the width of the text, its labels in the 黑体 face (embedded and subset
 * like the rest), its caption 图 N below it; then back onto the grid.
 */
function writeChart(doc: Doc, cursor: Cursor, chart: ReportChart, number: number, svgOf: ChartSvg): void {
  const height = (TEXT_WIDTH * chart.height) / chart.width;
  ensureRoom(doc, cursor, height + LINE_PITCH);
  const label = registeredFonts.get(doc)?.heading1.name;
  if (label === undefined) throw new Error('PDF 未登记字体 heading1');
  // @types/svg-to-pdfkit types the document as pdfkit's class, not an instance of it.
  // Without its own width and height the SVG is scaled by its viewBox into the given box.
  const svg = svgOf(chart).replace(/^<svg width="[\d.]+" height="[\d.]+"/, '<svg');
  SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], svg, MARGIN.left, cursor.y, {
    width: TEXT_WIDTH,
    height,
    fontCallback: () => label,
  });
  cursor.y += height;
  writeCentered(doc, cursor, `图${number}\u3000${chart.caption}`, 'heading1', TABLE_SIZE, LINE_PITCH);
  const used = cursor.y - MARGIN.top;
  cursor.y = MARGIN.top + Math.ceil(used / LINE_PITCH - 0.001) * LINE_PITCH;
}

/** 「— N —」 14 pt, one character in from the outer edge: right on odd pages, left on even. */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const number = index + 1;
    const label = `— ${number} —`;
    const face = useFont(doc, 'body');
    const width = textWidth(face, PAGE_NUMBER_SIZE, label);
    const x =
      number % 2 === 1
        ? PAGE.width - MARGIN.right - PAGE_NUMBER_SIZE - width
        : MARGIN.left + PAGE_NUMBER_SIZE;
    drawText(doc, face, PAGE_NUMBER_SIZE, label, x, TEXT_BOTTOM + 7 * PT_PER_MM);
  }
}

type FontRole = PdfFontRole;

interface RegisteredFont {
  readonly name: string;
  readonly face: PdfFaces[FontRole];
}

/** The name each role's face is registered under in a document (see registerFonts), and the face. */
const registeredFonts = new WeakMap<Doc, Readonly<Record<FontRole, RegisteredFont>>>();

function registered(doc: Doc, role: FontRole): RegisteredFont {
  const font = registeredFonts.get(doc)?.[role];
  if (font === undefined) throw new Error(`PDF 未登记字体 ${role}`);
  return font;
}

function faceOf(doc: Doc, role: FontRole): PdfFaces[FontRole] {
  return registered(doc, role).face;
}

/** Makes `role`'s face the document's current font (the one drawText sets) and returns it. */
function useFont(doc: Doc, role: FontRole): PdfFaces[FontRole] {
  const { name, face } = registered(doc, role);
  doc.font(name);
  return face;
}

/**
 * One name per distinct face. Two roles of one face (楷体 falls back to the body font without LXGW
 * WenKai) share the name: under a name of its own, pdfkit took the second role's face for a new font
 * each time it was chosen, and embedded it again.
 */
function registerFonts(doc: Doc, faces: PdfFaces): void {
  const fonts = {} as Record<FontRole, RegisteredFont>;
  const known = new Map<PdfFaces[FontRole], string>();
  for (const role of PDF_FONT_ROLES) {
    const face = faces[role];
    let name = known.get(face);
    if (name === undefined) {
      name = `F${known.size + 1}`;
      known.set(face, name);
      // pdfkit 0.20 takes a parsed fontkit font (PDFFontFactory.open); @types/pdfkit 0.17 does not list it.
      doc.registerFont(name, face as unknown as Uint8Array);
    }
    fonts[role] = { name, face };
  }
  registeredFonts.set(doc, fonts);
}

/** The chart as SVG text (ECharts' string renderer: Node's on the server, the worker's in the app). */
export type ChartSvg = (chart: ReportChart) => string;

export interface PdfRendering {
  readonly faces: PdfFaces;
  readonly chartSvg: ChartSvg;
}

/** Renders a report document as a PDF with its fonts embedded and subset. */
export async function renderPdf(
  document: ReportDocument,
  { faces, chartSvg }: PdfRendering,
): Promise<Uint8Array> {
  const options: PDFKit.PDFDocumentOptions = {
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: document.title, Creator: '运维台' },
  };
  // No default font (null, which @types/pdfkit does not list): pdfkit's is Helvetica, which its
  // browser build has only once registered (registerStdFonts), and every line here names its face.
  const doc = new PDFDocument({ ...options, font: null } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerFonts(doc, faces);

  const cursor: Cursor = { y: MARGIN.top };
  writeCentered(doc, cursor, document.title, 'title', TITLE_SIZE, LINE_PITCH * 2);
  writeCentered(doc, cursor, document.subtitle, 'heading2', BODY_SIZE, LINE_PITCH);
  cursor.y += LINE_PITCH;
  let tableNumber = 0;
  let chartNumber = 0;
  const writeBlocks = (blocks: readonly ReportBlock[]) => {
    for (const block of blocks) {
      switch (block.kind) {
        case 'paragraph':
          writeParagraph(doc, cursor, block.text, 'body');
          break;
        case 'table':
          tableNumber += 1;
          writeTable(doc, cursor, block, tableNumber);
          break;
        case 'chart':
          chartNumber += 1;
          writeChart(doc, cursor, block, chartNumber, chartSvg);
          break;
      }
    }
  };
  const writeSection = (section: ReportSection) => {
    // A heading never ends a page: keep it with its first line, or with a table's caption and header.
    ensureRoom(doc, cursor, LINE_PITCH * (section.blocks[0]?.kind === 'table' ? 4 : 2));
    writeParagraph(doc, cursor, section.heading, section.level === 1 ? 'heading1' : 'heading2');
    writeBlocks(section.blocks);
    section.subsections.forEach(writeSection);
  };
  document.sections.forEach(writeSection);
  if (document.attachments.length > 0) {
    cursor.y += LINE_PITCH;
    const list = document.attachments.map((name, index) =>
      document.attachments.length === 1 ? name : `${index + 1}. ${name}`,
    );
    writeParagraph(doc, cursor, `附件：${list.join('\u3000')}`, 'body');
  }
  numberPages(doc);
  doc.end();
  await ended;
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
