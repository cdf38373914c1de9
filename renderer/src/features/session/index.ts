export { SessionGate } from './SessionGate';
export { UserSwitcher } from './UserSwitcher';
export { useSession, type Session } from './session-context';
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
