import { afterEach, describe, expect, it } from 'vitest';
import { serveCommand } from './serve-command';

describe('yunwei serve', () => {
  afterEach(() => {
    delete process.env.YUNWEI_MAX_CLOCK_DRIFT_MINUTES;
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
