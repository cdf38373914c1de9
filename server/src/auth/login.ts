import { formatInstant } from '@core/time/shanghai-time';
import type { LoginRequest, LoginResponse } from '@core/sync/protocol';
import { hashPassword, verifyPassword } from '../accounts/password-hashing';
import {
  findUserByName,
  recordFailedLogin,
  recordSuccessfulLogin,
  scopeOf,
  type UserRow,
} from '../accounts/user-store';
import { type AuditEntry, writeAudit } from '../audit/audit-log';
import { ApiError } from '../http/api-error';
import type { ApiDeps } from './auth-deps';
import type { LoginRateLimiter } from './login-rate-limiter';
import { sessionUserOf } from './session-user';
import { createSession } from './session-store';

export class LoginRateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too_many_requests', `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`);
  }
}

const WRONG_CREDENTIALS = '用户名或密码错误';

/**
 * One login attempt: rate limit, lockout, password, account state, then a new session. Every outcome
 * is audited. An unknown name and a wrong password get the same answer after the same work, so the
 * response does not tell which names exist.
 */
export async function login(
  deps: ApiDeps,
  limiter: LoginRateLimiter,
  request: LoginRequest,
  ip: string,
): Promise<LoginResponse> {
  const now = deps.now();
  const audit = (
    result: AuditEntry['result'],
    detail: AuditEntry['detail'],
    action: AuditEntry['action'] = 'login',
  ) =>
    writeAudit(deps.db, [
      { at: now, actor: request.username, ip, action, target: request.username, result, detail },
    ]);

  const limited = limiter.attempt(ip, request.username, now);
  if (limited.retryAfterMs > 0) {
    if (limited.firstRefusal) await audit('failure', { reason: 'rate_limited' });
    throw new LoginRateLimitedError(Math.ceil(limited.retryAfterMs / 1000));
  }

  const user = await findUserByName(deps.db, request.username);
  if (user === undefined) {
    await verifyPassword(request.password, await dummyHash(deps));
    await audit('failure', { reason: 'unknown_user' });
    throw new ApiError(401, 'invalid_credentials', WRONG_CREDENTIALS);
  }
  if (user.lockedUntil !== null && user.lockedUntil.getTime() > now) {
    await audit('failure', { reason: 'locked', lockedUntil: user.lockedUntil.toISOString() });
    throw lockedError(user.lockedUntil.getTime());
  }
  if (!(await verifyPassword(request.password, user.passwordHash))) {
    await refuseWrongPassword(deps, user, now, audit);
  }
  if (user.disabledAt !== null) {
    await audit('failure', { reason: 'disabled' });
    throw new ApiError(403, 'account_disabled', '该账户已停用，请联系管理员');
  }

  await recordSuccessfulLogin(deps.db, user.id);
  const session = await createSession(deps.db, user.id, ip, now, deps.policy.tokenTtlMs);
  await audit('success', {});
  const { argon2 } = deps.policy;
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    user: sessionUserOf(user.name, scopeOf(user), deps.scopeContext),
    offlineVerifier: { algorithm: 'argon2id', salt: user.verifierSalt, ...argon2 },
    idleLockMinutes: deps.policy.idleLockMinutes,
    serverTime: now,
  };
}

async function refuseWrongPassword(
  deps: ApiDeps,
  user: UserRow,
  now: number,
  audit: (
    result: AuditEntry['result'],
    detail: AuditEntry['detail'],
    action?: AuditEntry['action'],
  ) => Promise<void>,
): Promise<never> {
  const lockedUntil = await recordFailedLogin(
    deps.db,
    user.id,
    deps.policy.maxFailedLogins,
    now + deps.policy.lockoutMs,
  );
  await audit('failure', { reason: 'wrong_password' });
  if (lockedUntil === null) throw new ApiError(401, 'invalid_credentials', WRONG_CREDENTIALS);
  await audit(
    'success',
    { failures: deps.policy.maxFailedLogins, lockedUntil: lockedUntil.toISOString() },
    'lockout',
  );
  throw lockedError(lockedUntil.getTime());
}

function lockedError(until: number): ApiError {
  return new ApiError(
    423,
    'account_locked',
    `密码连续错误次数过多，账户已锁定至 ${formatInstant(until).slice(0, 19).replace('T', ' ')}，请稍后再试或联系管理员重置密码`,
  );
}

/** A hash with the server's cost, verified against for unknown names so they take as long as known ones. */
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(deps: ApiDeps): Promise<string> {
  const key = JSON.stringify(deps.policy.argon2);
  let hash = dummyHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword('unknown-user-placeholder', deps.policy.argon2);
    dummyHashes.set(key, hash);
  }
  return hash;
}
