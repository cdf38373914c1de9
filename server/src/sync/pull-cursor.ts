import type { Visibility } from '@core/auth';
import { quoteText } from '@core/records/storable-text';
import { ApiError } from '../http/api-error';

/**
 * The pull cursor: `c1.<server instance>.<scope>.<change seq>`. Clients treat it as opaque. It names
 * the database and the scope it was made for, so a cursor from another database (a restored or new
 * server) or from a different scope (a role change, other subsystems or units) restarts the pull from the beginning instead of
 * silently missing what the new scope may see.
 */
export interface PullPosition {
  readonly seq: number;
  /** The cursor was made for another database or scope: start over. */
  readonly reset: boolean;
}

const CURSOR = /^c1\.([0-9a-f]{8})\.(all|(?:none|\d+(?:-\d+)*)(?:u\d+(?:-\d+)*)?)\.(\d{1,16})$/;

/**
 * The scope part: `all`, or the subsystems (`1-5`, `none`) followed by the units when there are any
 * (`3u1-2`). A scope of no units keeps the key it had before units existed, so an engineer's cursor
 * does not restart for nothing.
 */
export function scopeKey(visibility: Visibility): string {
  if (visibility.all) return 'all';
  const ids = (list: readonly number[]) => [...list].sort((a, b) => a - b).join('-');
  const subsystems = visibility.subsystemIds.length === 0 ? 'none' : ids(visibility.subsystemIds);
  return visibility.unitIds.length === 0 ? subsystems : `${subsystems}u${ids(visibility.unitIds)}`;
}

export function encodeCursor(instanceId: string, visibility: Visibility, seq: number): string {
  return `c1.${instancePrefix(instanceId)}.${scopeKey(visibility)}.${seq}`;
}

export function decodeCursor(
  cursor: string | null,
  instanceId: string,
  visibility: Visibility,
): PullPosition {
  if (cursor === null) return { seq: 0, reset: false };
  const match = CURSOR.exec(cursor);
  if (match === null) {
    throw new ApiError(
      400,
      'invalid_body',
      `请求内容无效：cursor: 游标 "${quoteText(cursor)}" 不是本服务器给出的格式，请从头拉取（cursor 为 null）`,
    );
  }
  const [, instance, scope, seq] = match as unknown as [string, string, string, string];
  // Beyond 2^53 a number loses digits: the cursor answered would no longer be the one read.
  if (!Number.isSafeInteger(Number(seq))) {
    throw new ApiError(
      400,
      'invalid_body',
      `请求内容无效：cursor: 游标中的序号 ${seq} 超出范围，不是本服务器给出的，请从头拉取（cursor 为 null）`,
    );
  }
  if (instance !== instancePrefix(instanceId) || scope !== scopeKey(visibility))
    return { seq: 0, reset: true };
  return { seq: Number(seq), reset: false };
}

function instancePrefix(instanceId: string): string {
  return instanceId.replaceAll('-', '').slice(0, 8);
}
