import { initialHlc, newNodeId, type Hlc } from '@core/sync';
import type { YunweiDatabase } from './yunwei-database';

export const HLC_KEY = 'hlc';

/** The database's HLC; a new database gets its node id with its first save (or first sync). */
export async function readClock(db: YunweiDatabase): Promise<Hlc> {
  const row = await db.meta.get(HLC_KEY);
  return row?.value ?? initialHlc(newNodeId());
}

export function writeClock(db: YunweiDatabase, clock: Hlc): Promise<string> {
  return db.meta.put({ key: HLC_KEY, value: clock });
}
