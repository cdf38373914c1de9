import type { UserScope } from '@core/auth';
import { loadDefaultProfile } from '@core/profile';
import { visitSchema } from '@core/records/kinds';
import { describe, expect, it } from 'vitest';
import { offeredVisitUnits, visibleVisitUnits, visitEditRefusal } from './visit-scope';

const documentSystem = loadDefaultProfile().documentSystem;
const manager: UserScope = { role: 'service_manager', unitIds: [2, 4] };
const visit = visitSchema.parse({
  id: '00000000-0000-4000-8000-000000000001',
  createdBy: 'qianqi',
  createdAt: 1,
  updatedAt: 1,
  deleted: false,
  date: '2026-12-07',
  visitor: 'qianqi',
  unitIds: [2],
  peopleMet: [],
  ticketIds: [],
  suggestions: '',
  satisfaction: [],
  photos: [],
});

describe('offeredVisitUnits', () => {
  it('offers a service manager their own units, the lead and a name on this PC every unit', () => {
    expect(offeredVisitUnits(manager, documentSystem)).toEqual({ unitIds: [2, 4], reason: null });
    expect(offeredVisitUnits({ role: 'project_lead' }, documentSystem).unitIds).toHaveLength(10);
    expect(offeredVisitUnits(null, documentSystem).unitIds).toHaveLength(10);
  });

  it('offers nothing to an engineer or the auditor, with the reason sync would give', () => {
    expect(offeredVisitUnits({ role: 'engineer', subsystemIds: [3] }, documentSystem)).toEqual({
      unitIds: [],
      reason: '回访记录由服务经理登记，驻场工程师不能修改',
    });
    expect(offeredVisitUnits({ role: 'auditor' }, documentSystem).reason).toBe(
      '审计员账户只读，不能修改任何记录',
    );
    expect(offeredVisitUnits(manager, undefined).reason).toBe('合同档案中没有公文系统单位，无法登记回访');
  });
});

describe('visibleVisitUnits', () => {
  it('shows a manager only their units and the lead and the auditor all; an engineer none, saying why', () => {
    expect(visibleVisitUnits(manager, documentSystem).unitIds).toEqual([2, 4]);
    expect(visibleVisitUnits({ role: 'auditor' }, documentSystem).unitIds).toHaveLength(10);
    const engineer = visibleVisitUnits({ role: 'engineer', subsystemIds: [3] }, documentSystem);
    expect(engineer.unitIds).toEqual([]);
    expect(engineer.reason).toContain('服务经理');
  });
});

describe('visitEditRefusal', () => {
  it('lets the visitor and the lead change a visit, and no other manager', () => {
    expect(visitEditRefusal(manager, 'qianqi', visit)).toBeNull();
    expect(visitEditRefusal({ role: 'project_lead' }, 'lead', visit)).toBeNull();
    expect(visitEditRefusal(manager, 'sunba', visit)).toBe(
      '只有回访人本人或项目负责人可以登记和修改回访记录',
    );
    expect(visitEditRefusal({ role: 'service_manager', unitIds: [1] }, 'qianqi', visit)).toBe(
      '您负责单位 1，不能登记或修改单位 2 的回访记录',
    );
  });
});
