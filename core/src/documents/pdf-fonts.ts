import { type Font, create } from 'fontkit';
import { flattenSubset } from './cff-flatten';
import type { PdfFontRole } from './pdf-font-files';
import { glyphsOf } from './pdf-text';

/**
 * The fonts a PDF embeds, by role, already opened (`openPdfFace`). Two roles may share one face (楷体
 * falls back to the body face where LXGW WenKai is missing).
 */
export type PdfFaces = Readonly<Record<PdfFontRole, Font>>;

/**
 * Opens a face of a font file for PDFs. Its CFF subsets are desubroutinised (cff-flatten.ts) unless
 * `desubroutinise` is false, which leaves them to fontkit (the reference the tests compare to).
 */
export function openPdfFace(
  bytes: Uint8Array,
  face: string,
  { desubroutinise = true }: { readonly desubroutinise?: boolean } = {},
): Font {
  // fontkit reads any Uint8Array; its types name Node's Buffer, which core does not have.
  const opened = create(bytes as Parameters<typeof create>[0], face);
  if (!('layout' in opened)) throw new Error(`字体文件中没有字体 ${face}`);
  return withCharacterMapLayout(opened, desubroutinise);
}

/**
 * The font with its layout reduced to the character map: one glyph per character at its advance width.
 * The renderer breaks and places every line itself, and Chinese text needs no shaping: the face's own
 * character map gives the simplified forms and the full-width punctuation. OpenType shaping (GSUB and
 * GPOS lookups on every measured candidate line) took most of a PDF's time, and a package makes a
 * hundred of them; what it would add is Latin kerning.
 */
function withCharacterMapLayout(font: Font, desubroutinise: boolean): Font {
  const layout = (text: string) => {
    const glyphs = glyphsOf(font, text);
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
