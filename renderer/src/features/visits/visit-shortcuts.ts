import type { Shortcut } from '../shortcuts';

/** V on the 回访 page: record a visit (N stays the new ticket everywhere). */
export const NEW_VISIT: Shortcut = { key: 'v' };
