import { Alert, Button, Result, Skeleton, Typography } from 'antd';
import { useContractProfile } from '../contract-profile/use-contract-profile';
import { budgetText } from './sla-clock-text';
import { SubsystemTable } from './SubsystemTable';

/** The 13 O&M items of the contract with their service hours and SLA clocks, read from the profile. */
export function SubsystemsPage() {
  const profile = useContractProfile();

  if (profile.isPending) {
    return (
      <div aria-busy="true" aria-label="正在读取合同档案">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (profile.isError) {
    return (
      <Result
        status="error"
        title="无法读取合同档案"
        subTitle={<span className="error-reason">{profile.error.message}</span>}
        extra={
          <Button type="primary" onClick={() => void profile.refetch()}>
            重新读取
          </Button>
        }
      />
    );
  }
  const overview = profile.data;
  return (
    <section className="subsystems-page" aria-labelledby="subsystems-title">
      <header className="page-header">
        <Typography.Title level={4} id="subsystems-title" className="page-header__title">
          运维子项与服务时限
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="contract-summary">
          共 {overview.subsystems.length} 个运维子项，预算合计 {budgetText(overview.budgetTotal)} 万元 ·
          合同档案第 {overview.profileVersion} 版
        </Typography.Text>
      </header>
      <Alert
        className="page-hint"
        type="info"
        showIcon
        title="时限按北京时间和国务院节假日安排（含调休）计算；“工作日”时段只在工作日计时，按工作日计的期限不含收到当天。"
      />
      <SubsystemTable subsystems={overview.subsystems} />
    </section>
  );
}
