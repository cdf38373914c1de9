import { CONTRACT_WIDE } from '@core/records';
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
 * history), `id` names this record, its subsystem agrees with the op's (CONTRACT_WIDE for a record of
 * none, core records/record-placement.ts), and the HLC is not in the future beyond the drift allowance.
 */
export function checkWrites(op: PushOp, now: number, maxClockDriftMs: number): Rejection | undefined {
  const schema = RECORD_SCHEMAS[op.recordType];
  // A type placed by unit or contract-wide has no subsystem field: it always travels under CONTRACT_WIDE.
  if (!schema.fields.has('subsystemId') && op.subsystemId !== CONTRACT_WIDE) {
    return subsystemMismatch(schema.label, CONTRACT_WIDE, op);
  }
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
    if (write.field === 'subsystemId') {
      // Valid by now: a subsystem, or null for a record of none (contract-wide duty), which travels as 0.
      const subsystemId = typeof write.value === 'number' ? write.value : CONTRACT_WIDE;
      if (subsystemId !== op.subsystemId) return subsystemMismatch(schema.label, subsystemId, op);
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

/** The record's subsystem and the op's differ: a client's bug, told in words, with the numbers. */
function subsystemMismatch(label: string, recordSubsystemId: number, op: PushOp): Rejection {
  const none = '不属于任何运维子项';
  const record = recordSubsystemId === CONTRACT_WIDE ? none : `属于运维子项 ${recordSubsystemId}`;
  const claimed = op.subsystemId === CONTRACT_WIDE ? none : `运维子项 ${op.subsystemId}`;
  return {
    code: 'subsystem_mismatch',
    reason: `这条${label}${record}，同步操作却标明${claimed}：客户端有误，这项修改未被处理`,
  };
}
