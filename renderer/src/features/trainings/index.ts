export { TrainingListPage } from './TrainingListPage';
export { TrainingNewPage } from './TrainingNewPage';
export { TrainingDetailPage } from './TrainingDetailPage';
