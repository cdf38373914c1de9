/**
 * Why a sign-in failed. `unreachable` is the one that allows an offline login; the others are the
 * server's own refusal and are shown as it worded them.
 */
export type LoginFailureKind =
  | 'unreachable'
  | 'invalid_credentials'
  | 'locked'
  | 'disabled'
  | 'rate_limited'
  | 'outdated'
  | 'rejected'
  | 'never_online';

export class LoginFailure extends Error {
  override readonly name = 'LoginFailure';
  constructor(
    readonly kind: LoginFailureKind,
    message: string,
  ) {
    super(message);
  }
}
