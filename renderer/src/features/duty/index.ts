export { DutyPage } from './DutyPage';
export { DutyLogPage } from './DutyLogPage';
