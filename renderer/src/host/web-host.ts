import {
  describeSchemaIssues,
  HOST_CONTRACT,
  type HostApi,
  type HostMethod,
  type HostRequest,
} from '@core/host';
import { downloadThroughBrowser } from './browser-download';
import { notifyThroughBrowser, type NotificationApi } from './browser-notification';
import { printThroughBrowser } from './browser-print';
import { IndexedDbTokenStore } from './indexeddb-token-store';

/** The browser build is whatever the server serves: a new version arrives with the page. */
const WEB_UPDATES = '浏览器版本由服务器提供，刷新页面即可使用最新版本';

export interface WebHostEnvironment {
  readonly indexedDB: IDBFactory;
  readonly Notification: NotificationApi | undefined;
  readonly appVersion: string;
  /** Brings the app forward on one of its pages (a notification's click). */
  readonly openLink: (link: string) => void;
}

/** The same payload rules as Electron's main process, so a bad call fails alike in both hosts. */
function checked<M extends HostMethod>(method: M, request: unknown): HostRequest<M> {
  const parsed = HOST_CONTRACT[method].request.safeParse(request);
  if (!parsed.success) throw new Error(`调用 ${method} 的参数无效：${describeSchemaIssues(parsed.error)}`);
  return parsed.data as HostRequest<M>;
}

/** HostApi for a plain browser: the web build the HQ server serves, and every e2e test. */
export function createWebHost(environment: WebHostEnvironment): HostApi {
  const tokens = new IndexedDbTokenStore(environment.indexedDB);
  return {
    saveFile: async (request) => {
      const { suggestedName, mimeType, data } = checked('saveFile', request);
      downloadThroughBrowser(suggestedName, mimeType, data);
      return 'handed-to-browser';
    },
    printToPdf: async (request) => {
      const { suggestedName, landscape } = checked('printToPdf', request);
      printThroughBrowser(suggestedName, landscape);
      return 'handed-to-browser';
    },
    notify: async (request) =>
      notifyThroughBrowser(environment.Notification, checked('notify', request), environment.openLink),
    readSecureToken: async (request) => ({
      value: await tokens.read(checked('readSecureToken', request).key),
    }),
    writeSecureToken: async (request) => {
      const { key, value } = checked('writeSecureToken', request);
      await tokens.write(key, value);
    },
    deleteSecureToken: async (request) => tokens.delete(checked('deleteSecureToken', request).key),
    getAppVersion: async () => ({ version: environment.appVersion, host: 'web' }),
    checkForUpdates: async () => ({ status: 'not-applicable', reason: WEB_UPDATES }),
    getUpdateStatus: async () => ({ kind: 'not-applicable', reason: WEB_UPDATES }),
  };
}
