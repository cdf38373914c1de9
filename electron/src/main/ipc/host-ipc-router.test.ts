import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, HOST_METHODS, type HostReply } from '@core/host';
import { registerHostHandlers, type HostHandlers } from './host-ipc-router';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<HostReply<unknown>>;
const listeners = new Map<string, Listener>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => listeners.set(channel, listener),
    removeHandler: (channel: string) => listeners.delete(channel),
  },
}));

const sender = { id: 7 } as unknown as WebContents;

function eventFrom(frame: { url: string; parent: object | null } | null): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const fromApp = eventFrom({ url: 'app://yunwei/subsystems', parent: null });

function handlers(): HostHandlers {
  return {
    saveFile: vi.fn(async () => 'saved' as const),
    printToPdf: vi.fn(async () => 'cancelled' as const),
    notify: vi.fn(async () => ({ shown: true as const })),
    readSecureToken: vi.fn(async () => ({ value: 'secret' })),
    writeSecureToken: vi.fn(async () => undefined),
    deleteSecureToken: vi.fn(async () => undefined),
    getAppVersion: vi.fn(async () => ({ version: '0.1.0', host: 'electron' as const })),
    checkForUpdates: vi.fn(async () => ({ status: 'not-applicable' as const, reason: '开发版本' })),
    getUpdateStatus: vi.fn(async () => ({ kind: 'not-applicable' as const, reason: '开发版本' })),
  };
}

function listenerFor(channel: string): Listener {
  const listener = listeners.get(channel);
  if (listener === undefined) throw new Error(`no handler registered on ${channel}`);
  return listener;
}

describe('registerHostHandlers', () => {
  let registered: HostHandlers;
  let unregister: () => void;

  beforeEach(() => {
    listeners.clear();
    registered = handlers();
    unregister = registerHostHandlers(registered);
  });

  it('registers exactly the contract channels and removes them again', () => {
    expect([...listeners.keys()].sort()).toEqual(HOST_METHODS.map((method) => HOST_CHANNELS[method]).sort());
    unregister();
    expect(listeners.size).toBe(0);
  });

  it('runs the handler for a valid payload from the app main frame', async () => {
    const reply = await listenerFor(HOST_CHANNELS.readSecureToken)(fromApp, { key: 'session' });
    expect(reply).toEqual({ ok: true, value: { value: 'secret' } });
    expect(registered.readSecureToken).toHaveBeenCalledWith({ key: 'session' }, { sender });
  });

  it.each([
    ['a subframe of the app', eventFrom({ url: 'app://yunwei/', parent: {} }), '内嵌框架'],
    ['a remote page', eventFrom({ url: 'https://example.com/', parent: null }), 'https://example.com/'],
    ['another app:// host', eventFrom({ url: 'app://other/', parent: null }), 'app://other/'],
    ['a file:// page', eventFrom({ url: 'file:///tmp/x.html', parent: null }), 'file:///tmp/x.html'],
    ['a frame that is gone', eventFrom(null), '已关闭或已跳转'],
  ])('refuses a call from %s without running the handler', async (_label, event, reason) => {
    const reply = await listenerFor(HOST_CHANNELS.readSecureToken)(event, { key: 'session' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.message).toContain(reason);
    expect(registered.readSecureToken).not.toHaveBeenCalled();
  });

  it('refuses an invalid payload, naming the field, without running the handler', async () => {
    const reply = await listenerFor(HOST_CHANNELS.saveFile)(fromApp, {
      suggestedName: '../../.bashrc',
      mimeType: 'text/plain',
      data: 'x',
    });
    expect(reply).toEqual({
      ok: false,
      message: expect.stringContaining('host:save-file 的参数无效：suggestedName: 文件名不能包含路径分隔符'),
    });
    expect(registered.saveFile).not.toHaveBeenCalled();
  });

  it('refuses extra arguments on methods that take none', async () => {
    const reply = await listenerFor(HOST_CHANNELS.getAppVersion)(fromApp, { version: '9.9.9' });
    expect(reply.ok).toBe(false);
    expect(registered.getAppVersion).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply carrying its message', async () => {
    vi.mocked(registered.notify).mockRejectedValueOnce(new Error('通知服务不可用'));
    vi.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    const reply = await listenerFor(HOST_CHANNELS.notify)(fromApp, {
      title: '巡检提醒',
      body: '08:30 前完成',
    });
    expect(reply).toEqual({ ok: false, message: '通知服务不可用' });
  });
});
