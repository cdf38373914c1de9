import type { ThemeConfig } from 'antd';

/**
 * Chinese UI fonts first in the order the department's PCs have them: Microsoft YaHei on Windows, the
 * Noto/Source Han CJK families on UOS and Kylin, then whatever sans-serif remains.
 */
const FONT_FAMILY = [
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '-apple-system',
  '"Segoe UI"',
  'sans-serif',
].join(', ');

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6fe5',
    fontFamily: FONT_FAMILY,
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: '#0b3d91', headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff' },
  },
};
