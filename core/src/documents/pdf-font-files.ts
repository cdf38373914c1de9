/** What each face of a PDF sets. */
export type PdfFontRole = 'body' | 'title' | 'heading1' | 'heading2';

export const PDF_FONT_ROLES: readonly PdfFontRole[] = ['body', 'title', 'heading1', 'heading2'];

/** A font file and the face in it a role uses (a TrueType collection needs the face's PostScript name). */
export interface PdfFontFile {
  /** The file's name, the same on the server's disk and in the app's build output. */
  readonly file: string;
  readonly face: string;
  /** The Debian package that installs it, named when it is missing. */
  readonly debianPackage: string;
}

/**
 * The faces of every PDF, wherever it is made: the server reads them from Debian's font directories,
 * the app's build copies the same files into its output. Debian's fonts-noto-cjk covers GBK, so names
 * with rare characters (喆, 堃, 昇) never turn into boxes. 仿宋 is not packaged in Debian outside TeX Live,
 * so Noto Serif (宋体-like) sets the body; LXGW WenKai (楷体, fonts-lxgw-wenkai) sets level-2 headings
 * where it is installed, else the body face does.
 */
export const PDF_FONT_FILES = {
  body: {
    file: 'NotoSerifCJK-Regular.ttc',
    face: 'NotoSerifCJKsc-Regular',
    debianPackage: 'fonts-noto-cjk',
  },
  title: { file: 'NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold', debianPackage: 'fonts-noto-cjk' },
  heading1: {
    file: 'NotoSansCJK-Regular.ttc',
    face: 'NotoSansCJKsc-Regular',
    debianPackage: 'fonts-noto-cjk',
  },
  heading2: {
    file: 'LXGWWenKai-Regular.ttf',
    face: 'LXGWWenKai-Regular',
    debianPackage: 'fonts-lxgw-wenkai',
  },
} as const satisfies Readonly<Record<PdfFontRole, PdfFontFile>>;

/** Where Debian installs each file. */
export const DEBIAN_FONT_DIRECTORIES: Readonly<Record<string, string>> = {
  'fonts-noto-cjk': '/usr/share/fonts/opentype/noto',
  'fonts-lxgw-wenkai': '/usr/share/fonts/truetype/lxgw',
};

/** The roles a missing face falls back from: 楷体 to the body face; every other face is required. */
export const OPTIONAL_PDF_FONT_ROLES: ReadonlySet<PdfFontRole> = new Set(['heading2']);

export class MissingPdfFontError extends Error {
  constructor(where: string, debianPackage: string) {
    super(`生成 PDF 需要字体文件 ${where}，但本机没有：请安装 Debian 软件包 ${debianPackage}`);
    this.name = 'MissingPdfFontError';
  }
}

/** A face's file on this machine: where it is, its file name and the face in it. */
export interface LocatedPdfFont {
  readonly path: string;
  readonly file: string;
  readonly face: string;
}

/**
 * The font files of PDF_FONT_FILES on this machine, by role, where Debian installs them (`exists`
 * says whether a path is there). A required file that is missing is an error naming its Debian
 * package; 楷体 falls back to the body face where LXGW WenKai is not installed. The server opens them,
 * the app's build ships them.
 */
export function locatePdfFonts(
  exists: (path: string) => boolean,
  directories: Readonly<Record<string, string>> = DEBIAN_FONT_DIRECTORIES,
): Readonly<Record<PdfFontRole, LocatedPdfFont>> {
  const located = (role: PdfFontRole): LocatedPdfFont | null => {
    const wanted = PDF_FONT_FILES[role];
    const directory = directories[wanted.debianPackage];
    if (directory === undefined) throw new Error(`未知的字体软件包 ${wanted.debianPackage}`);
    const path = `${directory}/${wanted.file}`;
    if (exists(path)) return { path, file: wanted.file, face: wanted.face };
    if (OPTIONAL_PDF_FONT_ROLES.has(role)) return null;
    throw new MissingPdfFontError(path, wanted.debianPackage);
  };
  const body = located('body') as LocatedPdfFont;
  return {
    body,
    title: located('title') as LocatedPdfFont,
    heading1: located('heading1') as LocatedPdfFont,
    heading2: located('heading2') ?? body,
  };
}
