import { type LoginResponse, SYNC_SCHEMA_VERSION, loginResponseSchema } from '@core/sync/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { disableUser, resetPassword } from '../accounts/user-admin';
import {
  type TestApi,
  TEST_ARGON2,
  TEST_PASSWORD,
  TEST_START,
  startTestApi,
} from '../test-support/api-harness';
import { suiteTitle, testBackends } from '../test-support/test-databases';

const MINUTE = 60_000;

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`auth on ${suiteTitle(backend)}`, () => {
    let api: TestApi;
    const admin = () => ({
      actor: 'cli:test',
      now: api.clock.now,
      knownUnitIds: [1, 2],
      argon2: TEST_ARGON2,
    });

    beforeAll(async () => {
      api = await startTestApi(backend, { loginRateLimit: { max: 8, windowMs: MINUTE } });
      await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1, 5] });
      await api.createUser('lisi', { role: 'service_manager', unitIds: [1, 2] });
      await api.createUser('wangwu', { role: 'engineer', subsystemIds: [2] });
      await api.createUser('zhaoliu', { role: 'auditor' });
    }, 120_000);

    afterAll(async () => {
      await api.dispose();
    });

    afterEach(() => {
      api.clock.now = TEST_START;
    });

    const login = (username: string, password: string, ip = '10.0.0.1') =>
      api.request('POST', '/api/v1/auth/login', { body: { username, password }, ip });
    const auditRows = async (target: string) =>
      (
        await api.db.query<{ action: string; result: string; ip: string | null; reason: string | null }>(
          `select action, result, ip, detail->>'reason' as reason from audit_log where target = $1 order by id`,
          [target],
        )
      ).rows;

    it('returns a token, the scope and the offline-verifier parameters, never a hash', async () => {
      const response = await login('zhangsan', TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      const body = loginResponseSchema.parse(response.json());
      expect(body).toMatchObject({
        expiresAt: TEST_START + 12 * 60 * MINUTE,
        user: {
          name: 'zhangsan',
          role: 'engineer',
          subsystemIds: [1, 5],
          unitIds: [],
          visibleSubsystemIds: [1, 5],
        },
        offlineVerifier: {
          algorithm: 'argon2id',
          memoryKiB: 64,
          iterations: 1,
          parallelism: 1,
          hashLength: 32,
        },
        idleLockMinutes: 15,
        serverTime: TEST_START,
      });
      const stored = await api.db.query<{ password_hash: string; verifier_salt: string }>(
        "select password_hash, verifier_salt from users where name = 'zhangsan'",
      );
      const row = stored.rows[0];
      expect(body.offlineVerifier.salt).toBe(row?.verifier_salt);
      expect(response.body).not.toContain(row?.password_hash.split('$').at(-1));
      expect(response.body).not.toContain(row?.password_hash.split('$').at(-2));
      expect(response.body).not.toContain(TEST_PASSWORD);
      const sessions = await api.db.query<{ token_hash: string }>('select token_hash from auth_sessions');
      expect(sessions.rows.map((s) => s.token_hash)).not.toContain(body.token);
    });

    it('tells a service manager what it may read', async () => {
      const body = (await login('lisi', TEST_PASSWORD)).json<LoginResponse>();
      expect(body.user).toEqual({
        name: 'lisi',
        role: 'service_manager',
        subsystemIds: [],
        unitIds: [1, 2],
        visibleSubsystemIds: [3],
      });
    });

    it('gives an unknown name and a wrong password the same answer', async () => {
      const unknown = await login('nobody', TEST_PASSWORD);
      const wrong = await login('zhaoliu', 'Wrong#Pass1');
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
      expect(wrong.json()).toEqual({ error: { code: 'invalid_credentials', message: '用户名或密码错误' } });
      expect(await auditRows('nobody')).toEqual([
        { action: 'login', result: 'failure', ip: '10.0.0.1', reason: 'unknown_user' },
      ]);
    });

    it('locks an account for 30 minutes after 5 wrong passwords, even against the right one', async () => {
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        expect((await login('wangwu', `Wrong#Pass${attempt}`)).statusCode).toBe(401);
      }
      const fifth = await login('wangwu', 'Wrong#Pass5');
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json().error).toEqual({
        code: 'account_locked',
        message: '密码连续错误次数过多，账户已锁定至 2026-03-10 09:30:00，请稍后再试或联系管理员重置密码',
      });
      expect((await login('wangwu', TEST_PASSWORD)).statusCode).toBe(423);
      api.clock.now = TEST_START + 29 * MINUTE;
      expect((await login('wangwu', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(423);
      api.clock.now = TEST_START + 30 * MINUTE;
      expect((await login('wangwu', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
      const rows = (await auditRows('wangwu')).filter((row) => row.action !== 'user_add');
      expect(rows.filter((row) => row.action === 'lockout')).toHaveLength(1);
      expect(rows.map((row) => row.reason ?? row.action)).toEqual([
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'lockout',
        'locked',
        'locked',
        'login',
      ]);
      expect(rows.at(-1)).toMatchObject({ action: 'login', result: 'success' });
    });

    it('counts failures afresh after a successful login', async () => {
      await api.createUser('sunqi', { role: 'engineer', subsystemIds: [3] });
      for (let attempt = 0; attempt < 4; attempt += 1) await login('sunqi', 'Wrong#Pass9', '10.0.1.1');
      expect((await login('sunqi', TEST_PASSWORD, '10.0.1.1')).statusCode).toBe(200);
      for (let attempt = 0; attempt < 4; attempt += 1) {
        expect((await login('sunqi', 'Wrong#Pass9', '10.0.1.2')).statusCode).toBe(401);
      }
    });

    it('limits login attempts per address and name, with Retry-After, and audits the burst once', async () => {
      await api.createUser('zhouba', { role: 'engineer', subsystemIds: [4] });
      const password = TEST_PASSWORD;
      for (let attempt = 0; attempt < 8; attempt += 1) {
        expect((await login('zhouba', password, '10.9.9.9')).statusCode).toBe(200);
      }
      const limited = await login('zhouba', password, '10.9.9.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('60');
      expect(limited.json().error.code).toBe('too_many_requests');
      expect((await login('zhouba', password, '10.9.9.9')).statusCode).toBe(429);
      expect((await login('zhouba', password, '10.9.9.10')).statusCode).toBe(200);
      const rateLimited = (await auditRows('zhouba')).filter((row) => row.reason === 'rate_limited');
      expect(rateLimited).toHaveLength(1);
      api.clock.now = TEST_START + MINUTE + 1;
      expect((await login('zhouba', password, '10.9.9.9')).statusCode).toBe(200);
    });

    it('refuses a token after it expires', async () => {
      const { token } = (await login('zhaoliu', TEST_PASSWORD, '10.0.2.1')).json<LoginResponse>();
      const pull = () =>
        api.request('POST', '/api/v1/sync/pull', {
          token,
          body: { schemaVersion: SYNC_SCHEMA_VERSION, cursor: null },
        });
      expect((await pull()).statusCode).toBe(200);
      api.clock.now = TEST_START + 12 * 60 * MINUTE;
      const expired = await pull();
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error.code).toBe('token_expired');
      expect(expired.headers['www-authenticate']).toContain('Bearer');
    });

    it('revokes the token on logout and audits it', async () => {
      const { token } = (await login('zhaoliu', TEST_PASSWORD, '10.0.3.1')).json<LoginResponse>();
      const logout = await api.request('POST', '/api/v1/auth/logout', { token });
      expect(logout.statusCode).toBe(204);
      const after = await api.request('POST', '/api/v1/sync/pull', {
        token,
        body: { schemaVersion: SYNC_SCHEMA_VERSION },
      });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('token_revoked');
      expect((await auditRows('zhaoliu')).at(-1)).toMatchObject({ action: 'logout', result: 'success' });
    });

    it('ends every session of a disabled user and refuses their logins', async () => {
      await api.createUser('wujiu', { role: 'engineer', subsystemIds: [6] });
      const { token } = (await login('wujiu', TEST_PASSWORD, '10.0.4.1')).json<LoginResponse>();
      expect(await disableUser(api.db, 'wujiu', admin())).toBe(1);
      const pull = await api.request('POST', '/api/v1/sync/pull', {
        token,
        body: { schemaVersion: SYNC_SCHEMA_VERSION },
      });
      expect(pull.json().error.code).toBe('token_revoked');
      const again = await login('wujiu', TEST_PASSWORD, '10.0.4.1');
      expect(again.statusCode).toBe(403);
      expect(again.json().error).toEqual({ code: 'account_disabled', message: '该账户已停用，请联系管理员' });
      expect((await login('wujiu', 'Wrong#Pass1', '10.0.4.1')).statusCode).toBe(401);
    });

    it('lets a password reset lift a lockout and rotate the offline-verifier salt', async () => {
      await api.createUser('zhengshi', { role: 'engineer', subsystemIds: [7] });
      const before = (await login('zhengshi', TEST_PASSWORD, '10.0.5.1')).json<LoginResponse>();
      for (let attempt = 0; attempt < 5; attempt += 1) await login('zhengshi', 'Wrong#Pass1', '10.0.5.2');
      expect((await login('zhengshi', TEST_PASSWORD, '10.0.5.3')).statusCode).toBe(423);
      await resetPassword(api.db, 'zhengshi', 'New#Passw0rd', admin());
      const after = await login('zhengshi', 'New#Passw0rd', '10.0.5.3');
      expect(after.statusCode).toBe(200);
      expect(after.json<LoginResponse>().offlineVerifier.salt).not.toBe(before.offlineVerifier.salt);
      const old = await api.request('POST', '/api/v1/sync/pull', {
        token: before.token,
        body: { schemaVersion: SYNC_SCHEMA_VERSION },
      });
      expect(old.json().error.code).toBe('token_revoked');
    });

    it('refuses requests without a valid bearer token, saying why', async () => {
      const missing = await api.request('POST', '/api/v1/sync/pull', {
        body: { schemaVersion: SYNC_SCHEMA_VERSION },
      });
      expect(missing.statusCode).toBe(401);
      expect(missing.json().error.code).toBe('unauthorized');
      const forged = await api.request('POST', '/api/v1/sync/pull', {
        token: 'A'.repeat(43),
        body: { schemaVersion: SYNC_SCHEMA_VERSION },
      });
      expect(forged.json().error.code).toBe('invalid_token');
    });

    it('checks the schema version on every request but health', async () => {
      const missing = await api.request('POST', '/api/v1/auth/login', {
        body: { username: 'zhangsan', password: TEST_PASSWORD },
        withoutSchemaVersion: true,
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.code).toBe('schema_version_missing');
      const old = await api.request('POST', '/api/v1/auth/login', {
        body: { username: 'zhangsan', password: TEST_PASSWORD },
        headers: { 'yunwei-schema-version': String(SYNC_SCHEMA_VERSION - 1) },
      });
      expect(old.statusCode).toBe(426);
      expect(old.json().error.code).toBe('client_outdated');
      expect(old.headers['yunwei-schema-version']).toBe(String(SYNC_SCHEMA_VERSION));
      const newer = await api.request('POST', '/api/v1/auth/login', {
        body: { username: 'zhangsan', password: TEST_PASSWORD },
        headers: { 'yunwei-schema-version': String(SYNC_SCHEMA_VERSION + 1) },
      });
      expect(newer.statusCode).toBe(409);
      expect(newer.json().error.code).toBe('server_outdated');
      const health = await api.request('GET', '/api/v1/health', { withoutSchemaVersion: true });
      expect(health.statusCode).toBe(200);
      const token = await api.tokenFor('zhaoliu');
      const body = await api.request('POST', '/api/v1/sync/pull', {
        token,
        body: { schemaVersion: SYNC_SCHEMA_VERSION + 1 },
      });
      expect(body.json().error.code).toBe('server_outdated');
    });

    it('answers 400 naming the problem for a malformed login body', async () => {
      const response = await api.request('POST', '/api/v1/auth/login', { body: { username: 'Zhang San' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'invalid_body',
        message: expect.stringMatching(/^请求内容无效：username: 用户名应为.*；password: /),
      });
      const huge = await api.request('POST', '/api/v1/auth/login', {
        body: { username: 'zhangsan', password: 'x'.repeat(10_000) },
      });
      expect(huge.statusCode).toBe(413);
    });
  });
}
