import { z } from 'zod';

/**
 * Login names are lower-case ASCII (letters, digits, `.`, `_`, `-`), so one person is one string on
 * every PC and in every database; they are also the user ids records carry (`createdBy`, `author`).
 */
export const loginNameSchema = z.string({ error: '用户名应为文字' }).regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
  error: '用户名应为 2–64 位小写字母、数字、点、下划线或连字符，且以字母或数字开头',
});
