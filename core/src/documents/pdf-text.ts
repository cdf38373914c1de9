import type { Font, Glyph } from 'fontkit';

/*
 * One line of text on a pdfkit page, measured and drawn without pdfkit's text engine. The report's
 * layout breaks and places every line itself (render-pdf.ts), so all it needs is a width and the
 * glyphs at a point. pdfkit's `text()` measured each line twice more, laid it out again and went
 * through its option and wrapping machinery on every one of a monthly report's thousands of table
 * cells: a third of the PDF's time.
 */

/**
 * Variation selectors pick another glyph for the character before: text with one goes through the
 * face's own lookup of the whole string.
 */
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/**
 * What this module reads of a face, kept across documents: fontkit reads its size and ascent from
 * their tables on every access, and looks each character up in the character map again.
 */
interface FaceMetrics {
  readonly unitsPerEm: number;
  readonly ascent: number;
  /** The glyph of each code point met so far. */
  readonly glyphs: Map<number, Glyph>;
}

const metricsByFace = new WeakMap<Font, FaceMetrics>();

function metricsOf(font: Font): FaceMetrics {
  let metrics = metricsByFace.get(font);
  if (metrics === undefined) {
    metrics = { unitsPerEm: font.unitsPerEm, ascent: font.ascent, glyphs: new Map() };
    metricsByFace.set(font, metrics);
  }
  return metrics;
}

/** The face's glyphs for `text`, one per character (the face's character map, no shaping). */
export function glyphsOf(font: Font, text: string): Glyph[] {
  if (VARIATION_SELECTOR.test(text)) return font.glyphsForString(text);
  const known = metricsOf(font).glyphs;
  const glyphs: Glyph[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    let glyph = known.get(codePoint);
    if (glyph === undefined) {
      glyph = font.glyphForCodePoint(codePoint);
      known.set(codePoint, glyph);
    }
    glyphs.push(glyph);
  }
  return glyphs;
}

/**
 * The width in points of `text` set in `font` at `size`, with `spacing` points added between each two
 * glyphs (the PDF's character spacing, Tc).
 */
export function textWidth(font: Font, size: number, text: string, spacing = 0): number {
  const glyphs = glyphsOf(font, text);
  let units = 0;
  for (const glyph of glyphs) units += glyph.advanceWidth;
  return (units * size) / metricsOf(font).unitsPerEm + spacing * Math.max(0, glyphs.length - 1);
}

/**
 * The parts of pdfkit's document this module writes through. They are not in @types/pdfkit; each is
 * what pdfkit's own `text()` uses (pdfkit 0.20, `_fragment` and `EmbeddedFont.encode` in
 * js/pdfkit.js): the current embedded font (its resource name and reference, its subset, the widths
 * and characters it writes for each glyph of the subset), the page's font resources and its content.
 */
interface EmbeddedFont {
  readonly id: string;
  ref(): unknown;
  readonly subset: { includeGlyph(glyphId: number): number };
  /** Font units to pdfkit's thousandths of the size. */
  readonly scale: number;
  readonly widths: (number | undefined)[];
  readonly unicode: (readonly number[] | undefined)[];
}

interface PdfkitPage {
  readonly _font: EmbeddedFont | null;
  readonly page: { readonly fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** Each embedded font's glyphs as the four hex digits of their id in its subset. */
const subsetCodes = new WeakMap<EmbeddedFont, Map<number, string>>();

/**
 * `glyphs` as the embedded font's character codes, each glyph added to its subset on first use with
 * its width and its characters (the text a reader copies out), as pdfkit's own encoder does.
 */
function encode(embedded: EmbeddedFont, glyphs: readonly Glyph[]): string {
  let codes = subsetCodes.get(embedded);
  if (codes === undefined) {
    codes = new Map();
    subsetCodes.set(embedded, codes);
  }
  let hex = '';
  for (const glyph of glyphs) {
    let code = codes.get(glyph.id);
    if (code === undefined) {
      const subsetId = embedded.subset.includeGlyph(glyph.id);
      code = subsetId.toString(16).padStart(4, '0');
      embedded.widths[subsetId] ??= glyph.advanceWidth * embedded.scale;
      embedded.unicode[subsetId] ??= glyph.codePoints;
      codes.set(glyph.id, code);
    }
    hex += code;
  }
  return hex;
}

/** A number as pdfkit writes it into a content stream (at most six decimals). */
function pdfNumber(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Draws `text` in the document's current font at `size` with its top-left corner at (x, y) in
 * pdfkit's coordinates (origin top left), as `doc.text(text, x, y, { lineBreak: false,
 * characterSpacing })` does: the baseline one ascender below `y`.
 */
export function drawText(
  doc: PDFKit.PDFDocument,
  font: Font,
  size: number,
  text: string,
  x: number,
  y: number,
  spacing = 0,
): void {
  if (text === '') return;
  const page = doc as unknown as PdfkitPage;
  const current = page._font;
  if (current === null) throw new Error('PDF 未选择字体');
  if (page.page.fonts[current.id] === undefined) page.page.fonts[current.id] = current.ref();
  const hex = encode(current, glyphsOf(font, text));
  const { ascent, unitsPerEm } = metricsOf(font);
  const baseline = y + (ascent / unitsPerEm) * size;
  // pdfkit's page space is flipped (origin top left): the text matrix flips the glyphs back upright.
  // Character spacing outlives the text object (no q/Q around it), so a spaced line sets it back to 0
  // for whatever text comes next (pdfkit's own and svg-to-pdfkit's never set it).
  const spaced = spacing === 0 ? `<${hex}> Tj` : `${pdfNumber(spacing)} Tc <${hex}> Tj 0 Tc`;
  page.addContent(
    `BT 1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm /${current.id} ${pdfNumber(size)} Tf ${spaced} ET`,
  );
}
