import type { PdfFontRole } from '@core/documents';

/** Where the build puts the PDF's font files, under the app's base. */
export const PDF_FONTS_DIRECTORY = 'pdf-fonts';
export const PDF_FONTS_MANIFEST = 'fonts.json';

/** One role's face as the build shipped it. */
export interface ShippedPdfFace {
  /** The file's name in PDF_FONTS_DIRECTORY. */
  readonly file: string;
  /** The face in the file (a TrueType collection holds several). */
  readonly face: string;
  readonly bytes: number;
  /** Changes with the file's contents, so a stored copy of an older file is not used. */
  readonly revision: string;
}

/** The manifest the build writes beside the fonts (renderer/build/pdf-fonts-plugin.ts). */
export interface PdfFontsManifest {
  readonly faces: Readonly<Record<PdfFontRole, ShippedPdfFace>>;
}
