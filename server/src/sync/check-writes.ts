import { safeParseInChinese } from '@core/records/validation';
import { decodeHlc } from '@core/sync/hlc';
import type { PushOp, RejectionCode } from '@core/sync/protocol';
import { UNSTORABLE_TEXT_REASON, quoteText, unstorableTextPath } from '@core/records/storable-text';
import { formatInstant } from '@core/time/shanghai-time';
import { RECORD_SCHEMAS } from './record-schemas';

export interface Rejection {
  readonly code: RejectionCode;
  readonly reason: string;
}

/**
 * Checks each write of an op on its own, before any merge: the field exists in the record type, its
 * value is storable text throughout and valid for that field (losers too, since they stay in
 * history), `id` names this record, `subsystemId` agrees with the op, and the HLC is not in the future
 * beyond the drift allowance.
 */
export function checkWrites(op: PushOp, now: number, maxClockDriftMs: number): Rejection | undefined {
  const schema = RECORD_SCHEMAS[op.recordType];
  for (const write of op.fields) {
    const fieldSchema = schema.fields.get(write.field);
    if (fieldSchema === undefined) {
      return { code: 'unknown_field', reason: `${schema.label}没有字段 ${quoteText(write.field)}` };
    }
    // Before the schema: its messages may quote an unknown key, and nothing unstorable may be kept.
    const unstorable = unstorableTextPath(write.value);
    if (unstorable !== undefined) {
      const path = [write.field, ...unstorable].map((part) => quoteText(String(part))).join('.');
      return { code: 'invalid', reason: `${schema.label}数据无效：${path}: ${UNSTORABLE_TEXT_REASON}` };
    }
    const parsed = safeParseInChinese(fieldSchema, write.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${[write.field, ...issue.path.map(String)].join('.')}: ${issue.message}`,
      );
      return { code: 'invalid', reason: `${schema.label}数据无效：${issues.join('；')}` };
    }
    if (write.field === 'id' && write.value !== op.recordId) {
      return {
        code: 'invalid',
        reason: `字段 id（${String(write.value)}）与操作的 recordId（${op.recordId}）不一致`,
      };
    }
    if (write.field === 'subsystemId' && write.value !== op.subsystemId) {
      return {
        code: 'subsystem_mismatch',
        reason: `字段 subsystemId（${String(write.value)}）与操作的 subsystemId（${op.subsystemId}）不一致`,
      };
    }
    const wallMs = decodeHlc(write.hlc).wallMs;
    if (wallMs - now > maxClockDriftMs) {
      return {
        code: 'clock_drift',
        reason:
          `修改时间 ${formatInstant(wallMs)} 比服务器时钟快约 ${Math.round((wallMs - now) / 60_000)} 分钟，` +
          '超过允许的范围：请检查这台电脑的系统时间后重新提交',
      };
    }
  }
  return undefined;
}
