/** Until the sync issue brings servers, every database belongs to the local (server-less) realm. */
export const LOCAL_SERVER_KEY = 'local';

const PREFIX = 'yunwei-';

/**
 * `yunwei-<serverKey>-<userId>`: one database per user per server on this PC, so two users (or the same
 * login on two servers) never share a record, a history row or an outbox op.
 */
export function userDatabaseName(userId: string, serverKey: string = LOCAL_SERVER_KEY): string {
  if (userId.trim() === '') throw new RangeError('用户编号不能为空，无法确定本地数据库');
  if (!/^[a-z0-9.-]+$/.test(serverKey)) {
    throw new RangeError(`服务器标识 "${serverKey}" 无效：只能包含小写字母、数字、点和连字符`);
  }
  return `${PREFIX}${serverKey}-${userId}`;
}
