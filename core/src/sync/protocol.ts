import { z } from 'zod';
import { roleSchema, unitIdSchema } from '../auth/roles';
import { loginNameSchema } from '../auth/login-name';
import { instantSchema, recordTypeSchema, subsystemIdSchema, userIdSchema } from '../records/record-envelope';
import { placementSubsystemIdSchema } from '../records/record-placement';
import { recordIdSchema } from '../records/record-id';
import { quoteText } from '../records/storable-text';
import { sha256Schema } from '../records/ticket';
import { fieldWriteSchema } from './changes';
import { packedStatesSchema } from './packed-states';

/**
 * The wire format of the central API, shared by the server (which validates every body with these
 * schemas) and the clients. docs/sync-protocol.md explains every field; keep the two in step.
 */

/**
 * The version of these schemas and of the record schemas. A client and server must agree on it.
 * 2: a pulled record's fields come packed (values, shared clock, differing clocks), not one object
 * per field.
 */
export const SYNC_SCHEMA_VERSION = 2;
/** Carried by every request except the health probe, and by every response. */
export const SCHEMA_VERSION_HEADER = 'yunwei-schema-version';

export const API_PREFIX = '/api/v1';
export const API_PATHS = {
  health: `${API_PREFIX}/health`,
  login: `${API_PREFIX}/auth/login`,
  logout: `${API_PREFIX}/auth/logout`,
  push: `${API_PREFIX}/sync/push`,
  pull: `${API_PREFIX}/sync/pull`,
  events: `${API_PREFIX}/sync/events`,
  history: `${API_PREFIX}/sync/history`,
  blobs: `${API_PREFIX}/blobs`,
} as const;

export const MAX_PUSH_OPS = 500;
export const MAX_FIELDS_PER_OP = 100;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

/** A client database's id, chosen by the client once; its HLC node id is a good choice. */
export const clientIdSchema = z
  .string({ error: '客户端编号应为文字' })
  .regex(/^[0-9a-z][0-9a-z_-]{7,63}$/, { error: '客户端编号应为 8–64 位小写字母、数字、下划线或连字符' });

const schemaVersionSchema = z
  .number({ error: '结构版本应为数字' })
  .int({ error: '结构版本应为整数' })
  .min(1, { error: '结构版本应为正整数' });

// ---------------------------------------------------------------- errors

/** Every error response: a stable machine code and a sentence for people. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** HTTP error codes a client must tell apart (docs/sync-protocol.md lists when each occurs). */
export const API_ERROR_CODES = [
  'invalid_body',
  'invalid_json',
  'schema_version_missing',
  'client_outdated',
  'server_outdated',
  'unauthorized',
  'invalid_token',
  'token_expired',
  'token_revoked',
  'invalid_credentials',
  'account_disabled',
  'account_locked',
  'forbidden',
  'client_id_taken',
  'not_found',
  'hash_mismatch',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal_error',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

// ---------------------------------------------------------------- auth

export const loginRequestSchema = z.strictObject({
  username: loginNameSchema,
  password: z
    .string({ error: '密码应为文字' })
    .min(1, { error: '请输入密码' })
    .max(1024, { error: '密码过长' }),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/**
 * How a client derives its own offline verifier: argon2id(password, salt) with these parameters. The
 * salt is not the one of the server's hash, so the verifier says nothing about that hash.
 */
export const offlineVerifierParamsSchema = z.strictObject({
  algorithm: z.literal('argon2id'),
  /** Base64, 16 random bytes per user; a new salt with every password reset. */
  salt: z.string().min(1),
  memoryKiB: z.number().int().positive(),
  iterations: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  hashLength: z.number().int().positive(),
});
export type OfflineVerifierParams = z.infer<typeof offlineVerifierParamsSchema>;

export const sessionUserSchema = z.strictObject({
  name: userIdSchema,
  role: roleSchema,
  /** The subsystems an engineer keeps; empty for other roles. */
  subsystemIds: z.array(subsystemIdSchema),
  /** The document-system units a service manager covers; empty for other roles. */
  unitIds: z.array(unitIdSchema),
  /** The subsystems whose records this user may read; null means all. */
  visibleSubsystemIds: z.array(subsystemIdSchema).nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.strictObject({
  /** Bearer token for `Authorization: Bearer <token>`. */
  token: z.string().min(20),
  /** Epoch ms after which the token is refused (token_expired). */
  expiresAt: instantSchema,
  user: sessionUserSchema,
  offlineVerifier: offlineVerifierParamsSchema,
  /** Lock the app after this many idle minutes. */
  idleLockMinutes: z.number().int().positive(),
  /** Server clock (epoch ms) for the client to measure its own skew. */
  serverTime: instantSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

// ---------------------------------------------------------------- push

/** One field write; unlike the local outbox's, the value must be present (JSON null is a value). */
export const pushFieldWriteSchema = fieldWriteSchema.extend({
  value: z.json({ error: '字段值应为 JSON 值' }),
});
export type PushFieldWrite = z.infer<typeof pushFieldWriteSchema>;

export const pushOpSchema = z
  .strictObject({
    /** Per client, strictly increasing; gaps allowed. */
    seq: z.number().int().min(1, { error: 'seq 应为正整数' }).max(Number.MAX_SAFE_INTEGER),
    opId: recordIdSchema,
    /** `restore` undoes a delete; its writes must include `deleted: false`. */
    kind: z.enum(['change', 'restore']).default('change'),
    recordType: recordTypeSchema,
    recordId: recordIdSchema,
    /** The record's subsystem after this op, as the client knows it; 0 for a record of none (record-placement.ts). */
    subsystemId: placementSubsystemIdSchema,
    fields: z
      .array(pushFieldWriteSchema)
      .min(1, { error: '操作至少要写一个字段' })
      .max(MAX_FIELDS_PER_OP, { error: `一个操作最多写 ${MAX_FIELDS_PER_OP} 个字段` }),
  })
  .superRefine((op, context) => {
    const seen = new Set<string>();
    op.fields.forEach((write, index) => {
      if (seen.has(write.field)) {
        context.addIssue({
          code: 'custom',
          path: ['fields', index, 'field'],
          message: `字段 ${quoteText(write.field)} 重复`,
        });
      }
      seen.add(write.field);
    });
    if (op.kind === 'restore' && !op.fields.some((w) => w.field === 'deleted' && w.value === false)) {
      context.addIssue({ code: 'custom', path: ['fields'], message: '恢复操作须写入 deleted: false' });
    }
    if (op.kind === 'restore' && op.fields.some((w) => w.field === 'deleted' && w.value !== false)) {
      context.addIssue({ code: 'custom', path: ['fields'], message: '恢复操作不能同时删除记录' });
    }
  });
export type PushOp = z.infer<typeof pushOpSchema>;
export type PushOpInput = z.input<typeof pushOpSchema>;

export const pushRequestSchema = z
  .strictObject({
    clientId: clientIdSchema,
    schemaVersion: schemaVersionSchema,
    ops: z
      .array(pushOpSchema)
      .min(1, { error: '至少要有一个操作' })
      .max(MAX_PUSH_OPS, { error: `一次最多推送 ${MAX_PUSH_OPS} 个操作` }),
  })
  .superRefine((request, context) => {
    request.ops.forEach((op, index) => {
      const previous = request.ops[index - 1];
      if (previous !== undefined && op.seq <= previous.seq) {
        context.addIssue({
          code: 'custom',
          path: ['ops', index, 'seq'],
          message: `seq 应严格递增（前一个为 ${previous.seq}，此处为 ${op.seq}）`,
        });
      }
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushRequestInput = z.input<typeof pushRequestSchema>;

/** Why the server refused an op for good. The client keeps the op and shows the reason. */
export const REJECTION_CODES = [
  'invalid',
  'unknown_field',
  'forbidden',
  'record_type_mismatch',
  'subsystem_mismatch',
  'clock_drift',
  'blob_missing',
  'seq_reused',
] as const;
export const rejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const opResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ seq: z.number().int(), opId: recordIdSchema, status: z.literal('applied') }),
  z.strictObject({
    seq: z.number().int(),
    opId: recordIdSchema,
    status: z.literal('rejected'),
    code: rejectionCodeSchema,
    reason: z.string(),
  }),
]);
export type OpResult = z.infer<typeof opResultSchema>;

export const pushResponseSchema = z.strictObject({
  /** One per op of the request, in the same order. */
  results: z.array(opResultSchema),
  /** The greatest seq of this client the server has processed. */
  lastSeq: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------- pull

export const pullRequestSchema = z.strictObject({
  schemaVersion: schemaVersionSchema,
  /** Opaque; null (or absent) to start from the beginning. */
  cursor: z.string().max(300, { error: '游标过长' }).nullable().default(null),
  limit: z
    .number()
    .int()
    .min(1, { error: 'limit 应在 1–1000 之间' })
    .max(MAX_PULL_LIMIT, { error: `limit 应在 1–${MAX_PULL_LIMIT} 之间` })
    .default(DEFAULT_PULL_LIMIT),
  /** Only these subsystems (each must be visible to the user); absent for all the user may see. */
  subsystemIds: z.array(subsystemIdSchema).min(1).max(50).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;
export type PullRequestInput = z.input<typeof pullRequestSchema>;

export const pulledRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('record'),
    recordType: recordTypeSchema,
    recordId: recordIdSchema,
    subsystemId: placementSubsystemIdSchema,
    /**
     * Every field of the record with its merge state, packed (packed-states.ts: `unpackStates` gives
     * the states to apply with the merge rule): the values, the clock most fields share, the clocks
     * that differ, and the births of a ticket's events.
     */
    ...packedStatesSchema.shape,
    values: packedStatesSchema.shape.values.refine((values) => Object.keys(values).length > 0, {
      error: '记录没有任何字段',
    }),
  }),
  z.strictObject({
    /** The record moved to a subsystem this user may not see: drop the local copy. */
    kind: z.literal('gone'),
    recordType: recordTypeSchema,
    recordId: recordIdSchema,
  }),
]);
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResponseSchema = z.strictObject({
  changes: z.array(pulledRecordSchema),
  /** Store it with the applied changes (one transaction) and send it with the next pull. */
  cursor: z.string(),
  /** More changes are waiting: pull again at once. */
  hasMore: z.boolean(),
  /** The cursor belonged to another scope or server database: this is a full resend from the start. */
  reset: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------- history

export const historyEntrySchema = z.strictObject({
  field: z.string(),
  value: z.json(),
  hlc: fieldWriteSchema.shape.hlc,
  rank: z.union([z.literal(0), z.literal(1)]),
  outcome: z.enum(['applied', 'superseded', 'merged', 'derived']),
  /** The account that pushed it. */
  user: userIdSchema,
  clientId: clientIdSchema,
  opId: recordIdSchema,
  /** When the server received it (epoch ms). */
  receivedAt: instantSchema,
});
export type ServerHistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyResponseSchema = z.strictObject({
  recordType: recordTypeSchema,
  recordId: recordIdSchema,
  /** Every accepted write of the record, winners and losers, in HLC order. */
  entries: z.array(historyEntrySchema),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

// ---------------------------------------------------------------- blobs

export const blobPutResponseSchema = z.strictObject({
  sha256: sha256Schema,
  size: z.number().int().min(0),
  /** False when the server already had it (the upload was a no-op). */
  created: z.boolean(),
});
export type BlobPutResponse = z.infer<typeof blobPutResponseSchema>;

// ---------------------------------------------------------------- server-sent events

/** `data` of the `poke` event: the change sequence that was just committed. Pull to get it. */
export const pokeEventSchema = z.strictObject({ seq: z.number().int().min(1) });
export type PokeEvent = z.infer<typeof pokeEventSchema>;
