import { existsSync, readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
// From their own modules, not the documents' index: a render worker would load every writer.
import {
  MissingPdfFontError,
  PDF_FONT_ROLES,
  type PdfFontRole,
  locatePdfFonts,
} from '@core/documents/pdf-font-files';
import { type PdfFaces, openPdfFace } from '@core/documents/pdf-fonts';

export { MissingPdfFontError };

/**
 * A font file on this machine and the face in it: the files of core's PDF_FONT_FILES where Debian
 * installs them (the server's install step puts fonts-noto-cjk there; see the README).
 */
export interface PdfFont {
  readonly file: string;
  readonly face: string;
}

export type PdfFonts = Readonly<Record<PdfFontRole, PdfFont>>;

/** The PDF's fonts from Debian's font directories; 楷体 falls back to the body face when LXGW WenKai is not installed. */
export function debianPdfFonts(exists: (file: string) => boolean = existsSync): PdfFonts {
  const located = locatePdfFonts(exists);
  return Object.fromEntries(
    PDF_FONT_ROLES.map((role) => [role, { file: located[role].path, face: located[role].face }]),
  ) as Record<PdfFontRole, PdfFont>;
}

/** Opens the fonts of PDFs: each face parsed once, then shared by every PDF made with the cache. */
export interface PdfFontCache {
  open(font: PdfFont): Font;
}

export function pdfFontKey(font: PdfFont): string {
  return `${font.file}#${font.face}`;
}

/**
 * A cache that reads font files with `read`. Its CFF subsets are desubroutinised unless
 * `desubroutinise` is false, which leaves them to fontkit (the reference the tests compare to).
 */
export function createPdfFontCache(
  read: (file: string) => Uint8Array,
  { desubroutinise = true }: { readonly desubroutinise?: boolean } = {},
): PdfFontCache {
  const parsed = new Map<string, Font>();
  return {
    open(font) {
      const key = pdfFontKey(font);
      const known = parsed.get(key);
      if (known !== undefined) return known;
      let opened: Font;
      try {
        opened = openPdfFace(read(font.file), font.face, { desubroutinise });
      } catch (cause) {
        throw new Error(`字体文件 ${font.file}：${cause instanceof Error ? cause.message : String(cause)}`, {
          cause,
        });
      }
      parsed.set(key, opened);
      return opened;
    },
  };
}

/** The faces of `fonts`, opened through `cache`: one parsed font per distinct face. */
export function openPdfFaces(fonts: PdfFonts, cache: PdfFontCache): PdfFaces {
  return Object.fromEntries(PDF_FONT_ROLES.map((role) => [role, cache.open(fonts[role])])) as Record<
    PdfFontRole,
    Font
  >;
}

/**
 * The process's fonts. Parsing a 20 MB Noto CJK collection (its CFF table above all) takes seconds; a
 * package of a hundred PDFs parses each face once and every PDF subsets its own glyphs from it.
 */
export const processPdfFonts: PdfFontCache = createPdfFontCache((file) => readFileSync(file));
