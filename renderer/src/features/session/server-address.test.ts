import { describe, expect, it } from 'vitest';
import { defaultServerAddress, parseServerAddress } from './server-address';

describe('parseServerAddress', () => {
  it('adds http:// to a bare host and always keys the server by host and port', () => {
    expect(parseServerAddress(' 10.1.2.3:8080 ')).toEqual({
      ok: true,
      address: { baseUrl: 'http://10.1.2.3:8080', serverKey: '10.1.2.3-8080' },
    });
    expect(parseServerAddress('HTTPS://Yunwei.Example.gov.cn/')).toEqual({
      ok: true,
      address: { baseUrl: 'https://yunwei.example.gov.cn', serverKey: 'yunwei.example.gov.cn-443' },
    });
    expect(parseServerAddress('http://local')).toMatchObject({ address: { serverKey: 'local-80' } });
    expect(parseServerAddress('http://[::1]:9000')).toMatchObject({ address: { serverKey: '--1-9000' } });
  });

  it('refuses what is not a server address, saying why', () => {
    expect(parseServerAddress('  ')).toEqual({
      ok: false,
      reason: '请填写服务器地址，例如 http://10.1.2.3:8080',
    });
    expect(parseServerAddress('ftp://10.1.2.3')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ftp:'),
    });
    expect(parseServerAddress('http://10.1.2.3:8080/api')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不要带路径'),
    });
    expect(parseServerAddress('http://a:b@10.1.2.3')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('用户名'),
    });
    expect(parseServerAddress('http://exa mple')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('无效'),
    });
  });

  it('starts from the page origin only when the HQ server served the page', () => {
    expect(defaultServerAddress('http://10.1.2.3:8080')).toBe('http://10.1.2.3:8080');
    expect(defaultServerAddress('app://yunwei')).toBe('');
  });
});
