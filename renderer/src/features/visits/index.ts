export { VisitsPage } from './VisitsPage';
export { VisitEditPage } from './VisitEditPage';
