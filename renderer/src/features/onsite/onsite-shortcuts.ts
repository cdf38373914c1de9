import type { Shortcut } from '../shortcuts';

/** T on the 驻场 page: today on site, an ordinary day, in one keystroke. */
export const ON_SITE_TODAY: Shortcut = { key: 't' };
