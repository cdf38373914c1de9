import type { UserScope } from '@core/auth';
import type { ContractProfile } from '@core/profile';

export interface RoleNotice {
  readonly title: string;
  readonly description: string;
}

/**
 * What the home page tells a user whose role has no tickets or inspections of their own to do, so
 * they are not left with an engineer's empty lists. Null for those who do the work (and for a name
 * on this PC, which answers to no server and may do everything).
 */
export function roleNotice(scope: UserScope | null, profile: ContractProfile): RoleNotice | null {
  if (scope === null) return null;
  switch (scope.role) {
    case 'engineer':
    case 'project_lead':
      return null;
    case 'auditor':
      return {
        title: '审计员账户只读',
        description: '您可以查看全部工单、巡检记录和修改历史，不能登记或修改任何记录。',
      };
    case 'service_manager': {
      const system = profile.documentSystem;
      const subsystem =
        system === undefined
          ? undefined
          : profile.subsystems.find((candidate) => candidate.id === system.subsystemId);
      const units =
        system === undefined
          ? []
          : system.units.filter((unit) => scope.unitIds.includes(unit.id)).map((unit) => unit.name);
      const reads =
        subsystem === undefined
          ? '合同档案中没有公文系统，目前没有您可查看的工单和巡检记录。'
          : `现在您可以查看${subsystem.shortName}（运维子项 ${subsystem.id}）的工单和巡检记录，不能登记或修改：工单和巡检由驻场工程师负责。`;
      return {
        title: '在“回访”页登记回访',
        description: `服务经理的工作是走访所负责的单位${units.length === 0 ? '' : `（${units.join('、')}）`}，在菜单“回访”中登记回访记录，并查看每个单位每月是否已回访。${reads}`,
      };
    }
  }
}
