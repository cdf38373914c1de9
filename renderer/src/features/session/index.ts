export { SessionGate } from './SessionGate';
export { UserSwitcher } from './UserSwitcher';
export { RenewSignInButton } from './RenewSignInButton';
export { useSession, type LocalSession, type ServerSession, type Session } from './session-context';
export { useLockNow } from './idle-lock-context';
export { scopeOfSessionUser, sessionScope, useWritableSubsystems } from './write-scope';
export { forgetRememberedUser, rememberUser, rememberedUserId } from './remembered-user';
export {
  LocalUserRegistry,
  REGISTRY_DATABASE_NAME,
  UserNameError,
  checkUserName,
  createLocalUser,
  listLocalUsers,
  type LocalUser,
} from './local-user-registry';
export { ACCOUNTS_DATABASE_NAME, type ServerAccount } from './server-accounts';
