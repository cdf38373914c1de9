import { existsSync, readFileSync } from 'node:fs';
import { type Font, create } from 'fontkit';
import { flattenSubset } from './cff-flatten';

/**
 * The font files a PDF embeds, by role, from Debian's fonts-noto-cjk (the server's install step puts it
 * there; see the README). Noto CJK covers GBK, so names with rare characters (喆, 堃, 昇) never turn into
 * boxes. A TrueType collection needs the face's PostScript name.
 */
export interface PdfFont {
  readonly file: string;
  readonly face: string;
}

export interface PdfFonts {
  /** The body: a 仿宋 is not packaged in Debian outside TeX Live, so Noto Serif (宋体-like) stands in. */
  readonly body: PdfFont;
  readonly title: PdfFont;
  /** 黑体 for level-1 headings and table headers. */
  readonly heading1: PdfFont;
  /** 楷体 for level-2 headings: LXGW WenKai when installed, else the body font. */
  readonly heading2: PdfFont;
}

const NOTO = '/usr/share/fonts/opentype/noto';
const WENKAI = '/usr/share/fonts/truetype/lxgw/LXGWWenKai-Regular.ttf';

export class MissingPdfFontError extends Error {
  constructor(file: string) {
    super(`生成 PDF 需要字体文件 ${file}，但本机没有：请安装 Debian 软件包 fonts-noto-cjk`);
    this.name = 'MissingPdfFontError';
  }
}

export function debianPdfFonts(exists: (file: string) => boolean = existsSync): PdfFonts {
  const font = (file: string, face: string): PdfFont => {
    if (!exists(file)) throw new MissingPdfFontError(file);
    return { file, face };
  };
  const body = font(`${NOTO}/NotoSerifCJK-Regular.ttc`, 'NotoSerifCJKsc-Regular');
  return {
    body,
    title: font(`${NOTO}/NotoSerifCJK-Bold.ttc`, 'NotoSerifCJKsc-Bold'),
    heading1: font(`${NOTO}/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular'),
    heading2: exists(WENKAI) ? { file: WENKAI, face: 'LXGWWenKai-Regular' } : body,
  };
}

/** Opens the fonts of PDFs: each face parsed once, then shared by every PDF made with the cache. */
export interface PdfFontCache {
  open(font: PdfFont): Font;
}

export function pdfFontKey(font: PdfFont): string {
  return `${font.file}#${font.face}`;
}

/**
 * A cache that reads font files with `read`. Its CFF subsets are desubroutinised (cff-flatten.ts)
 * unless `desubroutinise` is false, which leaves them to fontkit (the reference the tests compare to).
 */
export function createPdfFontCache(
  read: (file: string) => Buffer,
  { desubroutinise = true }: { readonly desubroutinise?: boolean } = {},
): PdfFontCache {
  const parsed = new Map<string, Font>();
  return {
    open(font) {
      const key = pdfFontKey(font);
      const known = parsed.get(key);
      if (known !== undefined) return known;
      const opened = create(read(font.file), font.face);
      if (!('layout' in opened)) throw new Error(`字体文件 ${font.file} 中没有字体 ${font.face}`);
      const unshaped = withCharacterMapLayout(opened, desubroutinise);
      parsed.set(key, unshaped);
      return unshaped;
    },
  };
}

/**
 * The process's fonts. Parsing a 20 MB Noto CJK collection (its CFF table above all) takes seconds; a
 * package of a hundred PDFs parses each face once and every PDF subsets its own glyphs from it.
 */
export const processPdfFonts: PdfFontCache = createPdfFontCache((file) => readFileSync(file));

/**
 * The font with its layout reduced to the character map: one glyph per character at its advance width.
 * The renderer breaks and places every line itself, and Chinese text needs no shaping: the face's own
 * character map gives the simplified forms and the full-width punctuation. OpenType shaping (GSUB and
 * GPOS lookups on every measured candidate line) took most of a PDF's time, and a package makes a
 * hundred of them; what it would add is Latin kerning.
 */
function withCharacterMapLayout(font: Font, desubroutinise: boolean): Font {
  const layout = (text: string) => {
    const glyphs = font.glyphsForString(text);
    const positions = glyphs.map((glyph) => ({
      xAdvance: glyph.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    return {
      glyphs,
      positions,
      // A getter, as fontkit's: pdfkit scales the positions in place and then reads the sum.
      get advanceWidth() {
        return positions.reduce((sum, position) => sum + position.xAdvance, 0);
      },
    };
  };
  const flattened = new Map<number, Uint8Array>();
  const createSubset = () => {
    const subset = font.createSubset();
    if (desubroutinise) flattenSubset(subset, flattened);
    return subset;
  };
  return new Proxy(font, {
    get: (target, property) =>
      property === 'layout'
        ? layout
        : property === 'createSubset'
          ? createSubset
          : Reflect.get(target, property),
  });
}
