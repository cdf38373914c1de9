import type { WebContents } from 'electron';
import { isAppUrl } from '../protocol/app-origin';

/**
 * Applied to every WebContents the app creates: the renderer may move between its own app:// routes,
 * never to another origin, never open a window and never embed a <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] 已阻止打开新窗口：${url}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    console.warn(`[security] 已阻止跳转到程序之外的地址：${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    console.warn(`[security] 已阻止重定向到程序之外的地址：${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('[security] 已阻止嵌入 <webview>');
  });
}
