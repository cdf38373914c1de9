import { API_PATHS, loginRequestSchema } from '@core/sync/protocol';
import type { FastifyInstance } from 'fastify';
import { writeAudit } from '../audit/audit-log';
import { parseBody } from '../http/parse-body';
import type { ApiDeps } from './auth-deps';
import { authenticate } from './authenticate';
import { LoginRateLimitedError, login } from './login';
import { LoginRateLimiter } from './login-rate-limiter';
import { revokeSession } from './session-store';

/** Login bodies are tiny; a large one is an attack on the password hash. */
const LOGIN_BODY_LIMIT = 4 * 1024;

export function registerAuthRoutes(api: FastifyInstance, deps: ApiDeps): void {
  const limiter = new LoginRateLimiter(deps.policy.loginRateLimit.max, deps.policy.loginRateLimit.windowMs);

  api.post(API_PATHS.login, { bodyLimit: LOGIN_BODY_LIMIT }, async (request, reply) => {
    const body = parseBody(loginRequestSchema, request.body);
    try {
      return await login(deps, limiter, body, request.ip);
    } catch (error) {
      if (error instanceof LoginRateLimitedError)
        reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  });

  api.post(API_PATHS.logout, async (request, reply) => {
    const user = await authenticate(deps, request, reply);
    const now = deps.now();
    await revokeSession(deps.db, user.tokenHash, now);
    await writeAudit(deps.db, [
      {
        at: now,
        actor: user.name,
        ip: request.ip,
        action: 'logout',
        target: user.name,
        result: 'success',
        detail: {},
      },
    ]);
    return reply.code(204).send();
  });
}
