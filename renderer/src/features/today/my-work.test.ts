import { loadDefaultProfile } from '@core/profile';
import { describe, expect, it } from 'vitest';
import { roleNotice } from './my-work';

const profile = loadDefaultProfile();

describe('roleNotice', () => {
  it('tells a service manager that their visits are recorded on the 回访 page', () => {
    const system = profile.documentSystem;
    if (system === undefined) throw new Error('the default profile has a document system');
    const [unit] = system.units;
    const notice = roleNotice({ role: 'service_manager', unitIds: [unit?.id ?? 1] }, profile);
    expect(notice?.title).toBe('在“回访”页登记回访');
    expect(notice?.description).toContain('每个单位每月是否已回访');
    expect(notice?.description).toContain(`（${unit?.name ?? ''}）`);
    expect(notice?.description).toContain(
      `（运维子项 ${system.subsystemId}）的工单和巡检记录，不能登记或修改`,
    );
  });

  it('says an auditor only reads, and leaves those who do the work alone', () => {
    expect(roleNotice({ role: 'auditor' }, profile)?.title).toBe('审计员账户只读');
    expect(roleNotice({ role: 'engineer', subsystemIds: [1, 5] }, profile)).toBeNull();
    expect(roleNotice({ role: 'project_lead' }, profile)).toBeNull();
    expect(roleNotice(null, profile)).toBeNull();
  });
});
