export { RecordHistory, type RecordHistoryProps } from './RecordHistory';
export { useRecordHistory } from './use-record-history';
export { groupBySave, type SaveGroup } from './group-history';
export {
  changedFieldsText,
  describeChange,
  fieldLabel,
  formatValue,
  type ChangeView,
  type LabelContext,
} from './history-labels';
export { groupServerHistory, type ServerChange, type ServerSave } from './server-history';
