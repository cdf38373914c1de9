import { describe, expect, it } from 'vitest';
import { initialLoginTab, probeServer } from './login-tab';

describe('initialLoginTab', () => {
  it('opens where the user last signed in', () => {
    expect(initialLoginTab({ remembered: 'local', hasServerAccounts: true, serverReachable: true })).toBe(
      'local',
    );
    expect(initialLoginTab({ remembered: 'server', hasServerAccounts: false, serverReachable: false })).toBe(
      'server',
    );
  });

  it('prefers server accounts, unless the PC never had one and no server answers', () => {
    expect(initialLoginTab({ remembered: null, hasServerAccounts: true, serverReachable: false })).toBe(
      'server',
    );
    expect(initialLoginTab({ remembered: null, hasServerAccounts: false, serverReachable: true })).toBe(
      'server',
    );
    expect(initialLoginTab({ remembered: null, hasServerAccounts: false, serverReachable: false })).toBe(
      'local',
    );
  });
});

describe('probeServer', () => {
  it('is true only for the health answer of a yunwei server', async () => {
    const urls: string[] = [];
    const ok = await probeServer('http://10.1.2.3:8080', (url) => {
      urls.push(url);
      return Promise.resolve(Response.json({ status: 'ok', version: '0.1.0' }));
    });
    expect(ok).toBe(true);
    expect(urls).toEqual(['http://10.1.2.3:8080/api/v1/health']);
    expect(await probeServer('', () => Promise.resolve(new Response('不存在', { status: 404 })))).toBe(false);
    expect(await probeServer('', () => Promise.resolve(new Response('<html></html>')))).toBe(false);
    expect(await probeServer('', () => Promise.reject(new TypeError('Failed to fetch')))).toBe(false);
  });
});
