import type { NotifyRequest, NotifyResult } from '@core/host';

/** The parts of the Notification API the web host uses, so the permission flow can be tested. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): { onclick: ((event: Event) => unknown) | null };
}

/**
 * Shows the notification; a click brings the app's window forward on the page it names (`openLink`:
 * the hash route, as the app's router reads it).
 */
export async function notifyThroughBrowser(
  api: NotificationApi | undefined,
  { title, body, link }: NotifyRequest,
  openLink: (link: string) => void,
): Promise<NotifyResult> {
  if (api === undefined) return { shown: false, reason: '此浏览器不支持系统通知' };
  const permission = api.permission === 'default' ? await api.requestPermission() : api.permission;
  if (permission !== 'granted') {
    return { shown: false, reason: '浏览器未允许本站发送通知，可在浏览器的网站设置中开启' };
  }
  const notification = new api(title, { body, lang: 'zh-CN' });
  if (link !== undefined) notification.onclick = () => openLink(link);
  return { shown: true };
}
