export { loginNameSchema } from './login-name';
export {
  PASSWORD_CLASSES,
  PASSWORD_CLASS_LABELS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
  checkPassword,
  passwordClasses,
  type PasswordClass,
} from './password-policy';
export {
  ROLES,
  ROLE_LABELS,
  describeScope,
  roleSchema,
  unitIdSchema,
  userScopeSchema,
  type Role,
  type UserScope,
} from './roles';
export {
  canReadSubsystem,
  canSee,
  checkOwnership,
  checkRead,
  checkWrite,
  visibleSubsystems,
  writableSubsystems,
  type ScopeContext,
  type ScopeDecision,
  type Visibility,
  type WritableSubsystems,
} from './scope';
