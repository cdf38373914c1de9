import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenWebContents } from './harden-web-contents';
import { openMainWindow } from './main-window';
import { isPermissionGranted } from './permissions';
import { secureWebPreferences } from './web-preferences';

const created: { options: BrowserWindowConstructorOptions; loadedUrl?: string }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    private readonly record: { options: BrowserWindowConstructorOptions; loadedUrl?: string };
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options };
      created.push(this.record);
    }
    once(): void {}
    show(): void {}
    async loadURL(url: string): Promise<void> {
      this.record.loadedUrl = url;
    }
  },
}));

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(secureWebPreferences('/app/dist-electron/preload.cjs')).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('openMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('opens the app:// entry with the secure preferences, hidden until ready', async () => {
    await openMainWindow('/app/dist-electron/preload.cjs');
    expect(created).toHaveLength(1);
    const [window] = created;
    expect(window?.loadedUrl).toBe('app://yunwei/');
    expect(window?.options.show).toBe(false);
    expect(window?.options.title).toBe('运维台');
    expect(window?.options.webPreferences).toEqual(secureWebPreferences('/app/dist-electron/preload.cjs'));
  });
});

type NavigationListener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, NavigationListener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: NavigationListener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  hardenWebContents(contents as unknown as WebContents);
  const fire = (name: string, url = ''): boolean => {
    const listener = listeners.get(name);
    if (listener === undefined) throw new Error(`no ${name} listener`);
    const preventDefault = vi.fn();
    listener({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  const open = (url: string): string | undefined => openHandler?.({ url }).action;
  return { fire, open };
}

describe('hardenWebContents', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('lets the app move between its own routes', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'app://yunwei/tickets')).toBe(false);
    expect(fire('will-redirect', 'app://yunwei/')).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://other/',
    'javascript:alert(1)',
  ])('blocks navigation and redirects to %s', (url) => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', url)).toBe(true);
    expect(fire('will-redirect', url)).toBe(true);
  });

  it('denies every new window, even for app:// URLs, and every <webview>', () => {
    const { fire, open } = fakeContents();
    expect(open('https://example.com/')).toBe('deny');
    expect(open('app://yunwei/')).toBe('deny');
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('isPermissionGranted', () => {
  it('grants clipboard writes to the app only and nothing else to anyone', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://yunwei/')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(isPermissionGranted(permission, 'app://yunwei/')).toBe(false);
    }
  });
});
