import type { UserScope } from '@core/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { scopeOf } from '../accounts/user-store';
import { ApiError } from '../http/api-error';
import type { ApiDeps } from './auth-deps';
import { findSession, hashToken } from './session-store';

export interface AuthenticatedUser {
  readonly id: string;
  readonly name: string;
  /** Read from the account on every request, so a role change applies at once. */
  readonly scope: UserScope;
  readonly tokenHash: string;
}

/** The user a request's bearer token belongs to, or 401 saying why not. */
export async function authenticate(
  deps: ApiDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AuthenticatedUser> {
  const refuse = (code: string, message: string) => {
    reply.header('www-authenticate', `Bearer error="invalid_token"`);
    return new ApiError(401, code, message);
  };
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  if (match === null) {
    reply.header('www-authenticate', 'Bearer');
    throw new ApiError(401, 'unauthorized', '需要登录：请求应带有 Authorization: Bearer <令牌>');
  }
  const tokenHash = hashToken(match[1] as string);
  const session = await findSession(deps.db, tokenHash);
  if (session === undefined) throw refuse('invalid_token', '登录令牌无效，请重新登录');
  if (session.revokedAt !== null) throw refuse('token_revoked', '登录已注销或被管理员终止，请重新登录');
  if (session.expiresAt.getTime() <= deps.now()) throw refuse('token_expired', '登录已过期，请重新登录');
  if (session.user.disabledAt !== null) throw refuse('account_disabled', '该账户已停用，请联系管理员');
  return { id: session.user.id, name: session.user.name, scope: scopeOf(session.user), tokenHash };
}
