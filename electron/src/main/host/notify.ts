import { BrowserWindow, Notification, type WebContents } from 'electron';
import type { HostHandler } from '../ipc/host-ipc-router';
import { APP_ENTRY_URL } from '../protocol/app-origin';

/** Shown notifications, held until closed: one collected early would drop its click. */
const showing = new Set<Notification>();

export const notify: HostHandler<'notify'> = async ({ title, body, link }, { sender }) => {
  if (!Notification.isSupported()) return { shown: false, reason: '此系统不支持桌面通知' };
  const notification = new Notification({ title, body });
  showing.add(notification);
  notification.on('close', () => showing.delete(notification));
  notification.on('click', () => {
    showing.delete(notification);
    if (link !== undefined) openInApp(sender, link);
  });
  notification.show();
  return { shown: true };
};

/**
 * Brings the app's window forward on one of its pages. Only the hash changes, so the page is not
 * reloaded: the router moves to the route as it does for a link inside the app.
 */
export function openInApp(sender: WebContents, link: string): void {
  if (sender.isDestroyed()) return;
  const window = BrowserWindow.fromWebContents(sender);
  if (window !== null) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
  sender.loadURL(`${APP_ENTRY_URL}#${link}`).catch((error: unknown) => {
    console.error(`[notify] 无法打开通知对应的页面 ${link}`, error);
  });
}
