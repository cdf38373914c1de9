export { InspectionCalendarPage } from './InspectionCalendarPage';
export { InspectionRunPage } from './InspectionRunPage';
export { InspectionTemplatesPage } from './InspectionTemplatesPage';
