/** A server the PC signs in to: the URL requests go to, and the key its local databases are named by. */
export interface ServerAddress {
  /** `http(s)://host[:port]`, no trailing slash: API paths are appended to it. */
  readonly baseUrl: string;
  /** `host-port`, lower case: part of the user's database name and token key (`[a-z0-9.-]+`). */
  readonly serverKey: string;
}

export type AddressCheck =
  { readonly ok: true; readonly address: ServerAddress } | { readonly ok: false; readonly reason: string };

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/**
 * Reads the server address the user typed ("10.1.2.3:8080", "https://yunwei.example.gov.cn"). A
 * bare host gets http:// (the e-network servers are addressed by IP). The key always carries the
 * port, so it can never equal the local realm's key `local` and two servers on one host stay apart.
 */
export function parseServerAddress(typed: string): AddressCheck {
  const trimmed = typed.trim();
  if (trimmed === '') return { ok: false, reason: '请填写服务器地址，例如 http://10.1.2.3:8080' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: `服务器地址“${trimmed}”无效，应类似 http://10.1.2.3:8080` };
  }
  const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : url.port;
  if (port === undefined) {
    return { ok: false, reason: `服务器地址只能以 http:// 或 https:// 开头，“${url.protocol}”不行` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: '服务器地址中不能包含用户名或密码' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { ok: false, reason: '服务器地址只填主机和端口，不要带路径，例如 http://10.1.2.3:8080' };
  }
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/[^a-z0-9.-]/g, '-');
  return { ok: true, address: { baseUrl: url.origin, serverKey: `${host}-${port}` } };
}

/**
 * What the address field starts with on a PC that never signed in: the page's own origin when the
 * renderer was served by the HQ server (the browser build), nothing in the desktop app (app://).
 */
export function defaultServerAddress(pageOrigin: string): string {
  return /^https?:\/\//.test(pageOrigin) ? pageOrigin : '';
}
