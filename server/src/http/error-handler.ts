import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { quoteText } from '@core/records/storable-text';
import { ApiError, errorBody } from './api-error';
import { formatBytes } from './body-limit';

interface ErrorResponse {
  statusCode: number;
  code: string;
  message: string;
}

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/**
 * Turns anything a request throws into `{ error: { code, message } }`. Client errors say what was
 * wrong; server errors say only that something failed, while the log gets the whole error, stack
 * included, so nothing internal leaks to the client. A client's mistake is one log line with its
 * status, code and message and no stack: level error (50) and above is kept for the server's own
 * faults.
 */
export function createErrorHandler(bodyLimitBytes: number) {
  return function handleError(
    error: FastifyError,
    request: FastifyRequest,
    reply: FastifyReply,
  ): FastifyReply {
    const response = describeError(error, request, bodyLimitBytes);
    if (response.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info(
        { statusCode: response.statusCode, code: response.code, reason: response.message },
        'request rejected',
      );
    }
    return reply.code(response.statusCode).send(errorBody(response.code, response.message));
  };
}

function describeError(error: FastifyError, request: FastifyRequest, bodyLimitBytes: number): ErrorResponse {
  if (error instanceof ApiError) {
    return { statusCode: error.statusCode, code: error.code, message: error.message };
  }
  if (error.validation !== undefined) {
    return { statusCode: 400, code: 'validation_failed', message: `请求参数无效：${error.message}` };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // The route's own limit (push 8 MB, blob 20 MB, login 4 KB), not the global one.
      return {
        statusCode: 413,
        code: 'payload_too_large',
        message: `请求体不能超过 ${formatBytes(request.routeOptions.bodyLimit ?? bodyLimitBytes)}`,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        statusCode: 415,
        code: 'unsupported_media_type',
        message: `不支持的请求体类型：${quoteText(request.headers['content-type'] ?? '（未注明）')}`,
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { statusCode: 400, code: 'invalid_json', message: '请求体不是有效的 JSON' };
    case 'FST_ERR_BAD_URL':
      return { statusCode: 400, code: 'bad_url', message: '请求地址的编码无效' };
  }
  const statusCode = error.statusCode ?? 500;
  if (statusCode >= 400 && statusCode < 500) {
    return {
      statusCode,
      code: CODE_BY_STATUS[statusCode] ?? 'bad_request',
      message: `请求无效：${error.message}`,
    };
  }
  return { statusCode: 500, code: 'internal_error', message: '服务器内部错误，详情已记入服务器日志' };
}
