import { describe, expect, it } from 'vitest';
import { locatePdfFonts } from './pdf-font-files';

const DIRECTORIES = { 'fonts-noto-cjk': '/fonts/noto', 'fonts-lxgw-wenkai': '/fonts/lxgw' };

describe('the PDF fonts on this machine (the server opens them, the app’s build ships them)', () => {
  it('fails naming the Debian package when a Noto CJK file is missing', () => {
    const exists = (path: string) => !path.endsWith('NotoSansCJK-Regular.ttc');
    expect(() => locatePdfFonts(exists, DIRECTORIES)).toThrow(
      '生成 PDF 需要字体文件 /fonts/noto/NotoSansCJK-Regular.ttc，但本机没有：请安装 Debian 软件包 fonts-noto-cjk',
    );
  });

  it('sets 楷体 in the body face where fonts-lxgw-wenkai is not installed', () => {
    const fonts = locatePdfFonts((path) => path.startsWith('/fonts/noto/'), DIRECTORIES);
    expect(fonts.heading2).toEqual(fonts.body);
    expect(fonts.body).toEqual({
      path: '/fonts/noto/NotoSerifCJK-Regular.ttc',
      file: 'NotoSerifCJK-Regular.ttc',
      face: 'NotoSerifCJKsc-Regular',
    });
  });

  it('takes LXGW WenKai for 楷体 where it is installed', () => {
    const fonts = locatePdfFonts(() => true, DIRECTORIES);
    expect(fonts.heading2.path).toBe('/fonts/lxgw/LXGWWenKai-Regular.ttf');
  });
});
