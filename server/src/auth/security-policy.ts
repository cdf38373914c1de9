import { DEFAULT_MAX_DRIFT_MS } from '@core/sync/hlc';

/** argon2id cost, also handed to clients for their offline verifier. */
export interface Argon2Params {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly hashLength: number;
}

/** The server's security settings; `buildApp` fills what a caller leaves out with the defaults. */
export interface SecurityPolicy {
  readonly argon2: Argon2Params;
  /** A bearer token is refused this long after login. */
  readonly tokenTtlMs: number;
  /** Consecutive wrong passwords that lock an account… */
  readonly maxFailedLogins: number;
  /** …for this long. */
  readonly lockoutMs: number;
  /** Login attempts per client address and login name within the window (in-process). */
  readonly loginRateLimit: { readonly max: number; readonly windowMs: number };
  /** What the client locks the app after, told at login. */
  readonly idleLockMinutes: number;
  /** A pushed HLC further ahead of the server's clock than this is refused (clock_drift). */
  readonly maxClockDriftMs: number;
  /** Audit rows older than this are purged; 等保 asks for at least 180 days. */
  readonly auditRetentionDays: number;
}

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 50 ms here). */
export const DEFAULT_ARGON2: Argon2Params = {
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
  hashLength: 32,
};

export const MIN_AUDIT_RETENTION_DAYS = 180;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  argon2: DEFAULT_ARGON2,
  tokenTtlMs: 12 * 60 * 60 * 1000,
  maxFailedLogins: 5,
  lockoutMs: 30 * 60 * 1000,
  loginRateLimit: { max: 10, windowMs: 60 * 1000 },
  idleLockMinutes: 15,
  maxClockDriftMs: DEFAULT_MAX_DRIFT_MS,
  auditRetentionDays: MIN_AUDIT_RETENTION_DAYS,
};

export function resolveSecurityPolicy(overrides: Partial<SecurityPolicy> = {}): SecurityPolicy {
  const policy = { ...DEFAULT_SECURITY_POLICY, ...overrides };
  const positive: [string, number][] = [
    ['tokenTtlMs', policy.tokenTtlMs],
    ['maxFailedLogins', policy.maxFailedLogins],
    ['lockoutMs', policy.lockoutMs],
    ['loginRateLimit.max', policy.loginRateLimit.max],
    ['loginRateLimit.windowMs', policy.loginRateLimit.windowMs],
    ['idleLockMinutes', policy.idleLockMinutes],
    ['maxClockDriftMs', policy.maxClockDriftMs],
    ['argon2.memoryKiB', policy.argon2.memoryKiB],
    ['argon2.iterations', policy.argon2.iterations],
    ['argon2.parallelism', policy.argon2.parallelism],
    ['argon2.hashLength', policy.argon2.hashLength],
  ];
  for (const [name, value] of positive) {
    if (!Number.isInteger(value) || value <= 0)
      throw new RangeError(`安全设置 ${name} 应为正整数，实为 ${value}`);
  }
  if (!Number.isInteger(policy.auditRetentionDays) || policy.auditRetentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw new RangeError(
      `审计日志保存天数应为不少于 ${MIN_AUDIT_RETENTION_DAYS} 的整数（等保要求至少 6 个月），实为 ${policy.auditRetentionDays}`,
    );
  }
  return policy;
}
