import { describe, expect, it } from 'vitest';
import type { FetchLike } from './login-request';
import { checkPlainHttpAllowed, sendsPasswordInClear } from './plain-http';

describe('plain HTTP sign-in', () => {
  it('counts only plain HTTP to another machine as sending the password in clear', () => {
    expect(sendsPasswordInClear('http://10.1.2.3:8080')).toBe(true);
    expect(sendsPasswordInClear('http://yunwei.example.gov.cn')).toBe(true);
    expect(sendsPasswordInClear('https://10.1.2.3:8080')).toBe(false);
    expect(sendsPasswordInClear('http://127.0.0.1:4310')).toBe(false);
    expect(sendsPasswordInClear('http://127.1.2.3:4310')).toBe(false);
    expect(sendsPasswordInClear('http://localhost:4310')).toBe(false);
    expect(sendsPasswordInClear('http://[::1]:4310')).toBe(false);
  });

  it('asks nobody about HTTPS or loopback addresses', async () => {
    const asked: string[] = [];
    const fetchFn: FetchLike = (url) => {
      asked.push(url);
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    await checkPlainHttpAllowed('https://10.1.2.3:8080', fetchFn);
    await checkPlainHttpAllowed('http://127.0.0.1:4310', fetchFn);
    expect(asked).toEqual([]);
  });

  it('treats a server that cannot be asked as unreachable, so the offline login can take over', async () => {
    const down: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(checkPlainHttpAllowed('http://10.1.2.3:8080', down)).rejects.toMatchObject({
      kind: 'unreachable',
      message: '无法连接服务器 http://10.1.2.3:8080（Failed to fetch）',
    });
    const gateway: FetchLike = () => Promise.resolve(new Response('Bad Gateway', { status: 502 }));
    await expect(checkPlainHttpAllowed('http://10.1.2.3:8080', gateway)).rejects.toMatchObject({
      kind: 'unreachable',
      message: '服务器 http://10.1.2.3:8080 暂时无法使用（HTTP 502）',
    });
    const other: FetchLike = () => Promise.resolve(new Response('<html></html>', { status: 200 }));
    await expect(checkPlainHttpAllowed('http://10.1.2.3:8080', other)).rejects.toMatchObject({
      kind: 'unreachable',
      message: 'http://10.1.2.3:8080 的应答不是运维台服务器的（HTTP 200）：请检查服务器地址',
    });
  });

  it('refuses, saying why, a server that does not declare plain HTTP allowed (an older one included)', async () => {
    const older: FetchLike = () => Promise.resolve(Response.json({ status: 'ok' }));
    await expect(checkPlainHttpAllowed('http://10.1.2.3:8080', older)).rejects.toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('请改用 https:// 开头的地址') as unknown,
    });
    const allowing: FetchLike = () =>
      Promise.resolve(Response.json({ status: 'ok', plainHttpAllowed: true }));
    await expect(checkPlainHttpAllowed('http://10.1.2.3:8080', allowing)).resolves.toBeUndefined();
  });
});
