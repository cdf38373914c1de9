import { useSlaRules, useStoredCalendar } from '../../store';

/** The calendar clocks run on here (shipped years and the notices added), and the added notices. */
export function useWorkingCalendar() {
  const { calendar } = useSlaRules();
  const stored = useStoredCalendar();
  return { calendar, added: stored.data?.notices ?? [], pending: stored.isPending };
}
