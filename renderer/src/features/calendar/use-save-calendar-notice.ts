import type { CalendarNotice } from '@core/calendar';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  applyCalendarNotices,
  CALENDAR_NOTICES_QUERY_KEY,
  readStoredCalendar,
  useAnnounceSynced,
  useDatabase,
} from '../../store';
import { createHttpTransport, SyncHttpError, SyncNetworkError } from '../../sync';
import { useSession } from '../session';

/**
 * Saves a year's notice. With a server account it goes to the server first (every PC receives it from
 * there with its next sync) and then takes effect here at once; a local profile keeps it on this PC.
 * A failure leaves the draft in the editor and the stored calendar as it was.
 */
export function useSaveCalendarNotice() {
  const db = useDatabase();
  const session = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounceSynced();
  return useMutation({
    mutationFn: async (notice: CalendarNotice) => {
      if (session?.kind === 'server') {
        if (session.syncAccount === null) {
          throw new Error('这台电脑上没有有效的登录令牌：请联网后重新登录，再保存节假日安排');
        }
        try {
          await createHttpTransport(session.syncAccount).putCalendar(notice);
        } catch (error) {
          throw new Error(saveFailure(error), { cause: error });
        }
      }
      const stored = await readStoredCalendar(db);
      const notices = [...stored.notices.filter((existing) => existing.year !== notice.year), notice].sort(
        (a, b) => a.year - b.year,
      );
      // The ETag is dropped: the next sync fetches the server's list once and finds it the same.
      return applyCalendarNotices(db, notices, null, Date.now());
    },
    onSuccess: async (changed) => {
      announce(changed.map((recordId) => ({ recordType: 'ticket' as const, recordId })));
      await queryClient.invalidateQueries({ queryKey: CALENDAR_NOTICES_QUERY_KEY });
    },
  });
}

function saveFailure(error: unknown): string {
  if (error instanceof SyncNetworkError) {
    return `无法连接服务器（${error.message}）。节假日安排由服务器发给各电脑，请联网后再保存；填写的内容仍保留在这里`;
  }
  if (error instanceof SyncHttpError) return `服务器没有接受：${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
