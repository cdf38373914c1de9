import { z } from 'zod';
import { subsystemIdSchema } from '../records/record-envelope';

/**
 * PRODUCT.md §6: engineers keep their own subsystems' records, a service manager visits the document
 * system's units and reads what concerns them, the project lead sees and manages everything, an
 * auditor reads everything and changes nothing.
 */
export const ROLES = ['engineer', 'service_manager', 'project_lead', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: `角色应为 ${ROLES.join('、')} 之一` });

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  engineer: '驻场工程师',
  service_manager: '服务经理',
  project_lead: '项目负责人',
  auditor: '审计员（只读）',
};

/** A unit of the document system (the profile's `documentSystem.units[].id`). */
export const unitIdSchema = z
  .number({ error: '单位编号应为数字' })
  .int({ error: '单位编号应为整数' })
  .min(1, { error: '单位编号应为正整数' });

const distinct = <T>(list: readonly T[]) => new Set(list).size === list.length;

/** What a user may see and change: the role with the subsystems or units it is bound to. */
export const userScopeSchema = z.discriminatedUnion(
  'role',
  [
    z.strictObject({
      role: z.literal('engineer'),
      subsystemIds: z
        .array(subsystemIdSchema)
        .min(1, { error: '驻场工程师至少要负责一个运维子项' })
        .refine(distinct, { error: '运维子项不能重复' }),
    }),
    z.strictObject({
      role: z.literal('service_manager'),
      unitIds: z
        .array(unitIdSchema)
        .min(1, { error: '服务经理至少要负责一个单位' })
        .refine(distinct, { error: '单位不能重复' }),
    }),
    z.strictObject({ role: z.literal('project_lead') }),
    z.strictObject({ role: z.literal('auditor') }),
  ],
  { error: `角色应为 ${ROLES.join('、')} 之一` },
);
export type UserScope = z.infer<typeof userScopeSchema>;

/** e.g. 驻场工程师（运维子项 1、5）, for lists and messages. */
export function describeScope(scope: UserScope): string {
  switch (scope.role) {
    case 'engineer':
      return `${ROLE_LABELS.engineer}（运维子项 ${scope.subsystemIds.join('、')}）`;
    case 'service_manager':
      return `${ROLE_LABELS.service_manager}（单位 ${scope.unitIds.join('、')}）`;
    case 'project_lead':
    case 'auditor':
      return ROLE_LABELS[scope.role];
  }
}
