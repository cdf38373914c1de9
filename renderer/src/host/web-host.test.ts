import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationApi } from './browser-notification';
import { createWebHost } from './web-host';

function fakeNotificationApi(
  permission: NotificationPermission,
  answer: NotificationPermission = permission,
) {
  const shown: { title: string; options?: NotificationOptions; notification: FakeNotification }[] = [];
  const requestPermission = vi.fn(async () => answer);
  class FakeNotification {
    static readonly permission = permission;
    static readonly requestPermission = requestPermission;
    readonly title: string;
    readonly options?: NotificationOptions;
    onclick: ((event: Event) => unknown) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      this.title = title;
      this.options = options;
      shown.push({ title, options, notification: this });
    }
  }
  const api: NotificationApi = FakeNotification;
  return { api, shown, requestPermission };
}

const opened: string[] = [];

function host(notification?: NotificationApi) {
  return createWebHost({
    indexedDB: new IDBFactory(),
    Notification: notification,
    appVersion: '0.1.0',
    openLink: (link) => opened.push(link),
  });
}

describe('WebHost secure tokens', () => {
  it('stores, reads and deletes tokens in IndexedDB', async () => {
    const web = host();
    expect(await web.readSecureToken({ key: 'session' })).toEqual({ value: null });
    await web.writeSecureToken({ key: 'session', value: '令牌-1' });
    expect(await web.readSecureToken({ key: 'session' })).toEqual({ value: '令牌-1' });
    await web.deleteSecureToken({ key: 'session' });
    expect(await web.readSecureToken({ key: 'session' })).toEqual({ value: null });
  });

  it('keeps tokens across host instances on the same browser storage', async () => {
    const storage = new IDBFactory();
    await createWebHost({
      indexedDB: storage,
      Notification: undefined,
      appVersion: '1',
      openLink: () => {},
    }).writeSecureToken({
      key: 'session',
      value: 'kept',
    });
    const again = createWebHost({
      indexedDB: storage,
      Notification: undefined,
      appVersion: '1',
      openLink: () => {},
    });
    expect(await again.readSecureToken({ key: 'session' })).toEqual({ value: 'kept' });
  });

  it('refuses the same bad payloads as the Electron main process', async () => {
    await expect(host().writeSecureToken({ key: '../etc', value: 'x' })).rejects.toThrow(
      '调用 writeSecureToken 的参数无效：key: 凭据名称只能由小写字母',
    );
  });
});

describe('WebHost notifications', () => {
  it('shows a notification once permission is granted', async () => {
    const { api, shown } = fakeNotificationApi('granted');
    expect(await host(api).notify({ title: '巡检提醒', body: '子系统 5 须在 08:30 前完成功能检查' })).toEqual(
      { shown: true },
    );
    expect(shown.map(({ title, options }) => ({ title, options }))).toEqual([
      { title: '巡检提醒', options: { body: '子系统 5 须在 08:30 前完成功能检查', lang: 'zh-CN' } },
    ]);
  });

  it('opens the page the notification is about when it is clicked', async () => {
    const { api, shown } = fakeNotificationApi('granted');
    opened.length = 0;
    await host(api).notify({ title: '工单已超时', body: '', link: '/tickets/abc-1' });
    expect(opened).toEqual([]);
    shown[0]?.notification.onclick?.(new Event('click'));
    expect(opened).toEqual(['/tickets/abc-1']);
  });

  it('refuses a link that is not a page of the app', async () => {
    const { api } = fakeNotificationApi('granted');
    await expect(host(api).notify({ title: '提醒', body: '', link: 'https://example.com/' })).rejects.toThrow(
      '通知链接应为应用内的页面地址',
    );
  });

  it('asks for permission the first time and reports a refusal in Chinese', async () => {
    const { api, shown, requestPermission } = fakeNotificationApi('default', 'denied');
    const result = await host(api).notify({ title: '提醒', body: '' });
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(result).toEqual({ shown: false, reason: expect.stringContaining('浏览器未允许本站发送通知') });
    expect(shown).toHaveLength(0);
  });

  it('says so when the browser has no Notification API', async () => {
    expect(await host(undefined).notify({ title: '提醒', body: '' })).toEqual({
      shown: false,
      reason: '此浏览器不支持系统通知',
    });
  });
});

describe('WebHost version and updates', () => {
  it('reports the build version as a web host that updates through the server', async () => {
    const web = host();
    expect(await web.getAppVersion()).toEqual({ version: '0.1.0', host: 'web' });
    expect(await web.checkForUpdates()).toEqual({
      status: 'not-applicable',
      reason: expect.stringContaining('刷新页面'),
    });
    expect(await web.getUpdateStatus()).toEqual({
      kind: 'not-applicable',
      reason: expect.stringContaining('刷新页面'),
    });
  });
});
