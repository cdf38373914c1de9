import { z } from 'zod';
import { SUBSYSTEM_ID_MAX, type RecordType } from './record-envelope';
import { recordKind } from './record-kinds';

/**
 * The subsystem number sync files a record under when it belongs to no one subsystem (contract-wide
 * duty, sensitive periods, visits): the subsystems are numbered from 1, so 0 is never a subsystem.
 */
export const CONTRACT_WIDE = 0;

/**
 * Where a record sits for scope (records/record-kinds.ts `scope`): its subsystem, CONTRACT_WIDE when
 * it has none, and the units of a unit-scoped record (a visit), empty for every other type.
 */
export interface RecordPlacement {
  readonly subsystemId: number;
  readonly unitIds: readonly number[];
}

/** The placement of a record (or of the values a write gives it) by its type's scope rule. */
export function placementOf(
  recordType: RecordType,
  record: Readonly<Record<string, unknown>>,
): RecordPlacement {
  const rule = recordKind(recordType).scope;
  switch (rule.by) {
    case 'subsystem':
    case 'subsystem_or_contract':
      return {
        subsystemId: typeof record.subsystemId === 'number' ? record.subsystemId : CONTRACT_WIDE,
        unitIds: [],
      };
    case 'unit': {
      const units = record[rule.field];
      return {
        subsystemId: CONTRACT_WIDE,
        unitIds: Array.isArray(units) ? units.filter((unit): unit is number => typeof unit === 'number') : [],
      };
    }
    case 'contract':
      return { subsystemId: CONTRACT_WIDE, unitIds: [] };
  }
}

/** A placement's subsystem as sync carries it: a subsystem (1–13) or CONTRACT_WIDE. */
export const placementSubsystemIdSchema = z
  .number({ error: '运维子项编号应为数字' })
  .int({ error: '运维子项编号应为整数' })
  .min(CONTRACT_WIDE, {
    error: `运维子项编号应在 ${CONTRACT_WIDE}–${SUBSYSTEM_ID_MAX} 之间（${CONTRACT_WIDE} 表示全合同）`,
  })
  .max(SUBSYSTEM_ID_MAX, {
    error: `运维子项编号应在 ${CONTRACT_WIDE}–${SUBSYSTEM_ID_MAX} 之间（${CONTRACT_WIDE} 表示全合同）`,
  });
