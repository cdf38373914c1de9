import { Result, Skeleton } from 'antd';
import { useNavigate } from 'react-router';
import { TrainingForm } from './TrainingForm';
import { useTrainingProfile } from './use-training-data';
import './trainings.css';

/** What the detail page shows after a training was recorded here (with the undo). */
export interface SavedTrainingState {
  readonly saved: string;
}

/** 登记培训: a new training, then its record with the check against its requirement. */
export function TrainingNewPage() {
  const navigate = useNavigate();
  const profile = useTrainingProfile();
  if (profile.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (profile.isError) {
    return (
      <Result
        status="error"
        title="无法读取合同配置"
        subTitle={<span className="error-reason">{profile.error.message}</span>}
      />
    );
  }
  return (
    <TrainingForm
      profile={profile.data}
      before={null}
      heading="登记培训"
      onSaved={(training) => {
        const state: SavedTrainingState = { saved: `培训“${training.topic}”已登记` };
        void navigate(`/trainings/${training.id}`, { state });
      }}
      onCancel={() => void navigate('/trainings')}
    />
  );
}
