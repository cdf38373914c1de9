export { InspectionCalendarPage } from './InspectionCalendarPage';
export { InspectionRunPage } from './InspectionRunPage';
export { InspectionTemplatesPage } from './InspectionTemplatesPage';
export { TodayInspections } from './TodayInspections';
