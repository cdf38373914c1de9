/**
 * The font names written into a document, as Word and WPS look them up on the reader's PC. Stock
 * Windows has 仿宋/楷体/黑体/宋体 but not the _GB2312 faces or 方正小标宋, so a deployment can choose
 * its set (the tender's PCs decide), and the defaults are the names GB/T 9704 offices use.
 */
export interface DocumentFonts {
  /** 小标宋 for the title. */
  readonly title: string;
  /** 仿宋 for the body. */
  readonly body: string;
  /** 黑体 for level-1 headings (一、). */
  readonly heading1: string;
  /** 楷体 for level-2 headings (（一）) and the subtitle. */
  readonly heading2: string;
  /** 宋体 for the page number. */
  readonly pageNumber: string;
}

export const GB_DOCUMENT_FONTS: DocumentFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
};

/** The faces stock Windows 10/11 and WPS ship, for a deployment whose PCs lack the GB2312 faces. */
export const WINDOWS_DOCUMENT_FONTS: DocumentFonts = {
  title: '宋体',
  body: '仿宋',
  heading1: '黑体',
  heading2: '楷体',
  pageNumber: '宋体',
};
