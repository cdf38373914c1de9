import { createHash } from 'node:crypto';
import { visibleSubsystems } from '@core/auth';
import { MAX_ATTACHMENT_BYTES, sha256Schema } from '@core/records';
import { quoteText } from '@core/records/storable-text';
import { API_PATHS, type BlobPutResponse } from '@core/sync/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../auth/auth-deps';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import { limitBody } from '../http/body-limit';
import { blobAccess, putBlob, readBlob } from './blob-store';

type BlobParams = { Params: { sha256: string } };

/**
 * `PUT /api/v1/blobs/:sha256` stores the body if its SHA-256 is the one in the address (idempotent:
 * 201 the first time, 200 after). `GET` (and `HEAD`) returns it to its uploader or to anyone who may
 * read a record that refers to it. Blobs never change, so clients may cache them for good.
 */
export function registerBlobRoutes(api: FastifyInstance, deps: ApiDeps): void {
  api.register(async (blobs) => {
    blobs.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );

    blobs.put<BlobParams>(
      `${API_PATHS.blobs}/:sha256`,
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        onRequest: [requireOctetStream, limitBody(MAX_ATTACHMENT_BYTES, '单个附件')],
      },
      async (request, reply) => {
        const user = await authenticate(deps, request, reply);
        const sha256 = parseHash(request.params.sha256);
        if (user.scope.role === 'auditor')
          throw new ApiError(403, 'forbidden', '审计员账户只读，不能上传附件');
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const actual = createHash('sha256').update(content).digest('hex');
        if (actual !== sha256) {
          throw new ApiError(
            400,
            'hash_mismatch',
            `收到的内容的 SHA-256 为 ${actual}，与地址中的 ${sha256} 不符：上传可能不完整，请重新上传`,
          );
        }
        const created = await putBlob(deps.db, sha256, content, user.id, deps.now());
        const response: BlobPutResponse = { sha256, size: content.byteLength, created };
        return reply.code(created ? 201 : 200).send(response);
      },
    );

    blobs.get<BlobParams>(`${API_PATHS.blobs}/:sha256`, async (request, reply) => {
      const user = await authenticate(deps, request, reply);
      const sha256 = parseHash(request.params.sha256);
      const access = await blobAccess(
        deps.db,
        sha256,
        user.id,
        visibleSubsystems(user.scope, deps.scopeContext),
      );
      if (!access.present) throw new ApiError(404, 'not_found', `服务器上没有附件 ${sha256}`);
      if (!access.allowed) {
        throw new ApiError(
          403,
          'forbidden',
          '您无权下载这个附件：它不是您上传的，也没有您可查看的记录引用它',
        );
      }
      const content = await readBlob(deps.db, sha256);
      if (content === undefined) throw new ApiError(404, 'not_found', `服务器上没有附件 ${sha256}`);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('etag', `"${sha256}"`)
        .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    });
  });
}

/**
 * A blob is its bytes, sent as application/octet-stream; any other body (JSON, text, none at all)
 * would be read as something else or not hashed, so it is refused before anything is read.
 */
async function requireOctetStream(request: FastifyRequest): Promise<void> {
  const contentType = request.headers['content-type'];
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/octet-stream') {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `附件应以 application/octet-stream 上传，收到的类型为 ${quoteText(contentType ?? '（未注明）')}`,
    );
  }
}

function parseHash(text: string): string {
  const parsed = sha256Schema.safeParse(text);
  if (!parsed.success)
    throw new ApiError(
      400,
      'invalid_body',
      `地址中的 SHA-256 无效：应为 64 位小写十六进制，收到 "${quoteText(text)}"`,
    );
  return parsed.data;
}
