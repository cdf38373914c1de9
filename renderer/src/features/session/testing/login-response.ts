import type { LoginResponse } from '@core/sync/protocol';

/** A login answer as the server sends it, with a cheap argon2 cost so tests derive verifiers fast. */
export const LOGIN_RESPONSE: LoginResponse = {
  token: 'q0Xc3kqAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  expiresAt: 1773147600000,
  user: {
    name: 'zhangsan',
    role: 'engineer',
    subsystemIds: [1, 5],
    unitIds: [],
    visibleSubsystemIds: [1, 5],
  },
  offlineVerifier: {
    algorithm: 'argon2id',
    salt: btoa('0123456789abcdef'),
    memoryKiB: 64,
    iterations: 1,
    parallelism: 1,
    hashLength: 32,
  },
  idleLockMinutes: 15,
  serverTime: 1773104400000,
};
