import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../protocol/app-origin';
import { secureWebPreferences } from './web-preferences';

export const PRODUCT_NAME = '运维台';

/** Sized for the department's 1366×768 screens, which is also the smallest layout the UI is tested at. */
export async function openMainWindow(preloadPath: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY_URL);
  return window;
}
