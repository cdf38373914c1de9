import { Notification } from 'electron';
import type { HostHandler } from '../ipc/host-ipc-router';

export const notify: HostHandler<'notify'> = async ({ title, body }) => {
  if (!Notification.isSupported()) return { shown: false, reason: '此系统不支持桌面通知' };
  new Notification({ title, body }).show();
  return { shown: true };
};
