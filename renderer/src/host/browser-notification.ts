import type { NotifyRequest, NotifyResult } from '@core/host';

/** The parts of the Notification API the web host uses, so the permission flow can be tested. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): unknown;
}

export async function notifyThroughBrowser(
  api: NotificationApi | undefined,
  { title, body }: NotifyRequest,
): Promise<NotifyResult> {
  if (api === undefined) return { shown: false, reason: '此浏览器不支持系统通知' };
  const permission = api.permission === 'default' ? await api.requestPermission() : api.permission;
  if (permission !== 'granted') {
    return { shown: false, reason: '浏览器未允许本站发送通知，可在浏览器的网站设置中开启' };
  }
  new api(title, { body, lang: 'zh-CN' });
  return { shown: true };
}
