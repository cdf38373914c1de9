import { createHash } from 'node:crypto';
import {
  CALENDARS_PATH,
  type CalendarListResponse,
  type CalendarPutResponse,
  importCalendarNotice,
} from '@core/calendar';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../auth/auth-deps';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import { readAddedNotices, saveNoticeAudited } from './calendar-store';

type YearParams = { Params: { year: string } };

/**
 * Every PC fetches the added notices with each sync round (If-None-Match makes an unchanged answer a
 * bodiless 304); the project lead adds one from the app's 日历 page, checked as `yunwei calendar
 * import` checks a file.
 */
export function registerCalendarRoutes(api: FastifyInstance, deps: ApiDeps): void {
  api.get(CALENDARS_PATH, async (request, reply) => {
    await authenticate(deps, request, reply);
    const body: CalendarListResponse = { notices: await readAddedNotices(deps.db) };
    const text = JSON.stringify(body);
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(text);
  });

  api.put<YearParams>(`${CALENDARS_PATH}/:year`, async (request, reply) => {
    const user = await authenticate(deps, request, reply);
    if (user.scope.role !== 'project_lead') {
      throw new ApiError(403, 'forbidden', '只有项目负责人可以添加或修改节假日安排');
    }
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : NaN;
    if (!Number.isInteger(year)) {
      throw new ApiError(400, 'invalid_body', `年份应为四位数字，收到 “${request.params.year.slice(0, 20)}”`);
    }
    const checked = importCalendarNotice(request.body);
    if (!checked.ok) {
      const reasons = checked.issues.slice(0, 20).map((issue) => `${issue.path}：${issue.message}`);
      throw new ApiError(
        400,
        'invalid_calendar',
        `节假日安排有 ${checked.issues.length} 处问题：${reasons.join('；')}`,
      );
    }
    if (checked.notice.year !== year) {
      throw new ApiError(
        400,
        'invalid_calendar',
        `地址中的年份 ${year} 与通知中的年份 ${checked.notice.year} 不一致`,
      );
    }
    const author = { actor: user.name, ip: request.ip };
    const outcome = await saveNoticeAudited(deps.db, checked.notice, author, deps.now());
    const response: CalendarPutResponse = { notice: checked.notice, outcome };
    return reply.code(outcome === 'added' ? 201 : 200).send(response);
  });
}
