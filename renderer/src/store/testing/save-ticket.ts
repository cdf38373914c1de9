import type { Ticket } from '@core/records';
import type { YunweiDatabase } from '../database/yunwei-database';
import { saveRecord } from '../save/save-record';
import { at } from './record-fixtures';

/** A ticket saved by zhangsan at `when` (Asia/Shanghai, as `at` reads it); the ticket as stored. */
export async function saveTicket(
  db: YunweiDatabase,
  before: Ticket | null,
  after: Ticket,
  when: string,
): Promise<Ticket> {
  return (await saveRecord(db, { recordType: 'ticket', before, after, actor: 'zhangsan', at: at(when) }))
    .record;
}
