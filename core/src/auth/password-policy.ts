import { type Refusal, refuse } from '../records/validation';

/**
 * The password rule of a level-3 graded-protection (等保 2.0) system: at least 8 characters from at
 * least 3 of the 4 classes. The upper bound keeps argon2id's input (and an attacker's) reasonable.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

export const PASSWORD_CLASSES = ['lower', 'upper', 'digit', 'symbol'] as const;
export type PasswordClass = (typeof PASSWORD_CLASSES)[number];

export const PASSWORD_CLASS_LABELS: Readonly<Record<PasswordClass, string>> = {
  lower: '小写字母',
  upper: '大写字母',
  digit: '数字',
  symbol: '符号',
};

/** Which classes occur. Anything that is not an ASCII letter or digit counts as a symbol. */
export function passwordClasses(password: string): ReadonlySet<PasswordClass> {
  const found = new Set<PasswordClass>();
  for (const character of password) {
    if (character >= 'a' && character <= 'z') found.add('lower');
    else if (character >= 'A' && character <= 'Z') found.add('upper');
    else if (character >= '0' && character <= '9') found.add('digit');
    else found.add('symbol');
  }
  return found;
}

/** Whether a new password may be set, and if not, a sentence saying what to change. */
export function checkPassword(
  password: string,
  context: { readonly loginName?: string } = {},
): { readonly ok: true } | Refusal {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return refuse(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符（当前 ${length} 个）`);
  }
  if (length > PASSWORD_MAX_LENGTH) return refuse(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  if (password.trim() !== password) return refuse('密码的开头和结尾不能是空格');
  const classes = passwordClasses(password);
  if (classes.size < PASSWORD_MIN_CLASSES) {
    const present = PASSWORD_CLASSES.filter((kind) => classes.has(kind)).map(
      (kind) => PASSWORD_CLASS_LABELS[kind],
    );
    return refuse(
      `密码须包含大写字母、小写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类（当前只有：${present.join('、')}）`,
    );
  }
  const loginName = context.loginName?.trim().toLowerCase();
  if (loginName !== undefined && loginName.length >= 3 && password.toLowerCase().includes(loginName)) {
    return refuse('密码不能包含用户名');
  }
  return { ok: true };
}
