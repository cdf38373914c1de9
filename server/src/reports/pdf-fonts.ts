import { existsSync } from 'node:fs';

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
