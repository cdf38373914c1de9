import { type ScopeContext, type UserScope, canSee, checkRead, visibleSubsystems } from '@core/auth';
import { RECORD_TYPE_LABELS, type RecordPlacement, type RecordType, recordIdSchema } from '@core/records';
import { quoteText } from '@core/records/storable-text';
import { API_PATHS, type HistoryResponse, pullRequestSchema, pushRequestSchema } from '@core/sync/protocol';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../auth/auth-deps';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import { limitBody } from '../http/body-limit';
import { parseBody } from '../http/parse-body';
import { readHistory } from './history';
import { pullChanges } from './pull-changes';
import { pushBatch } from './push-batch';

/** 500 ops of the largest tickets fit; a client splits a bigger backlog into several batches. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;
const PULL_BODY_LIMIT = 16 * 1024;

export function registerSyncRoutes(api: FastifyInstance, deps: ApiDeps): void {
  api.post(
    API_PATHS.push,
    { bodyLimit: PUSH_BODY_LIMIT, onRequest: limitBody(PUSH_BODY_LIMIT, '一次推送的内容') },
    async (request, reply) => {
      const user = await authenticate(deps, request, reply);
      const body = parseBody(pushRequestSchema, request.body);
      return pushBatch(deps, user, body, request.ip);
    },
  );

  api.post(
    API_PATHS.pull,
    { bodyLimit: PULL_BODY_LIMIT, onRequest: limitBody(PULL_BODY_LIMIT, '拉取请求') },
    async (request, reply) => {
      const user = await authenticate(deps, request, reply);
      const body = parseBody(pullRequestSchema, request.body);
      return pullChanges(deps.db, user, body, deps.scopeContext);
    },
  );

  api.get<{ Params: { recordId: string } }>(`${API_PATHS.history}/:recordId`, async (request, reply) => {
    const user = await authenticate(deps, request, reply);
    const recordId = recordIdSchema.safeParse(request.params.recordId);
    if (!recordId.success)
      throw new ApiError(400, 'invalid_body', `记录编号无效：${quoteText(request.params.recordId)}`);
    const history = await readHistory(deps.db, recordId.data);
    if (history === undefined) throw new ApiError(404, 'not_found', `服务器上没有记录 ${recordId.data}`);
    if (!canSee(visibleSubsystems(user.scope, deps.scopeContext), history.placement)) {
      throw new ApiError(403, 'forbidden', unreadableReason(user.scope, history, deps.scopeContext));
    }
    const response: HistoryResponse = {
      recordType: history.recordType,
      recordId: recordId.data,
      entries: history.entries,
    };
    return response;
  });
}

/** Why the user may not read a record so placed, in their words. */
function unreadableReason(
  scope: UserScope,
  record: { readonly recordType: RecordType; readonly placement: RecordPlacement },
  context: ScopeContext,
): string {
  const label = RECORD_TYPE_LABELS[record.recordType];
  if (record.placement.unitIds.length === 0) {
    const decision = checkRead(scope, record.placement.subsystemId, context);
    if (!decision.ok) return decision.reason;
  }
  if (scope.role === 'service_manager') {
    return `您负责单位 ${scope.unitIds.join('、')}，无权查看其他单位的${label}`;
  }
  return `只有负责相关单位的服务经理、项目负责人和审计员可以查看${label}`;
}
