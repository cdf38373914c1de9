import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notify } from './notify';

const electron = vi.hoisted(() => {
  const made: { options: object; handlers: Map<string, () => void>; shown: boolean }[] = [];
  const window = { isMinimized: vi.fn(() => true), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
  class FakeNotification {
    static isSupported = () => true;
    private readonly entry: (typeof made)[number];
    constructor(options: object) {
      this.entry = { options, handlers: new Map(), shown: false };
      made.push(this.entry);
    }
    on(event: string, handler: () => void) {
      this.entry.handlers.set(event, handler);
      return this;
    }
    show() {
      this.entry.shown = true;
    }
  }
  return { made, window, FakeNotification };
});

vi.mock('electron', () => ({
  Notification: electron.FakeNotification,
  BrowserWindow: { fromWebContents: () => electron.window },
}));

function fakeSender() {
  return {
    isDestroyed: () => false,
    loadURL: vi.fn(async (_url: string) => undefined),
  };
}

beforeEach(() => {
  electron.made.length = 0;
});

describe('notify (Electron)', () => {
  it('shows the notification and, on a click, brings the window forward on the page it names', async () => {
    const sender = fakeSender();
    const result = await notify(
      { title: '工单已超时', body: '网站群工单的响应时限已过', link: '/tickets/abc-1' },
      { sender: sender as unknown as WebContents },
    );
    expect(result).toEqual({ shown: true });
    const [shown] = electron.made;
    expect(shown?.shown).toBe(true);
    expect(shown?.options).toEqual({ title: '工单已超时', body: '网站群工单的响应时限已过' });
    expect(sender.loadURL).not.toHaveBeenCalled();
    shown?.handlers.get('click')?.();
    expect(electron.window.restore).toHaveBeenCalled();
    expect(electron.window.focus).toHaveBeenCalled();
    expect(sender.loadURL).toHaveBeenCalledWith('app://yunwei/#/tickets/abc-1');
  });

  it('opens nothing on a click when the notification names no page', async () => {
    const sender = fakeSender();
    await notify({ title: '巡检提醒', body: '' }, { sender: sender as unknown as WebContents });
    electron.made[0]?.handlers.get('click')?.();
    expect(sender.loadURL).not.toHaveBeenCalled();
  });
});
