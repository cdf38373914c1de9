import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { serveCommand } from './serve-command';

describe('yunwei serve', () => {
  afterEach(() => {
    delete process.env.YUNWEI_MAX_CLOCK_DRIFT_MINUTES;
    delete process.env.YUNWEI_TLS_KEY;
  });

  const quietIo = () => ({
    stdout: { write: () => true },
    stderr: { write: () => true },
    stopSignal: new Promise<string>(() => undefined),
  });
  const data = ['--data', '/nonexistent/yunwei-serve-test'];

  it('asks for the key when only the certificate is given, before opening anything', async () => {
    await expect(serveCommand([...data, '--tls-cert', '/nonexistent/cert.pem'], quietIo())).rejects.toThrow(
      '启用 HTTPS 需要同时给出证书（--tls-cert）和私钥（--tls-key）',
    );
  });

  it('names a certificate file it cannot read', async () => {
    process.env.YUNWEI_TLS_KEY = '/nonexistent/key.pem';
    await expect(serveCommand([...data, '--tls-cert', '/nonexistent/cert.pem'], quietIo())).rejects.toThrow(
      /无法读取证书文件 \/nonexistent\/cert\.pem：/,
    );
  });

  it('refuses files that are not a certificate and its key', async () => {
    const file = fileURLToPath(import.meta.url);
    await expect(serveCommand([...data, '--tls-cert', file, '--tls-key', file], quietIo())).rejects.toThrow(
      `证书 ${file} 和私钥 ${file} 不能一起使用`,
    );
  });

  it('refuses a redirect port without HTTPS', async () => {
    await expect(serveCommand([...data, '--http-port', '80'], quietIo())).rejects.toThrow(
      '--http-port 只在启用 HTTPS 时有用',
    );
  });

  it('refuses a clock-drift allowance that is not a whole number of minutes, before opening anything', async () => {
    process.env.YUNWEI_MAX_CLOCK_DRIFT_MINUTES = '5m';
    const io = {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stopSignal: new Promise<string>(() => undefined),
    };
    await expect(serveCommand(['--data', '/nonexistent/yunwei-serve-test'], io)).rejects.toThrow(
      /YUNWEI_MAX_CLOCK_DRIFT_MINUTES 应为正整数（分钟），收到 "5m"/,
    );
  });
});
