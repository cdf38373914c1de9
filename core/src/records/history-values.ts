import type { RecordType } from './record-envelope';

/**
 * Fields that are lists of items (a ticket's timeline and its attachments): their history shows the
 * items added and removed, never the whole list again. A ticket's timeline grows with every note,
 * so storing it whole, before and after, made each note's history row grow with the ticket.
 */
export const ITEM_LIST_FIELDS: Readonly<Partial<Record<RecordType, readonly string[]>>> = {
  ticket: ['events', 'attachments'],
};

export function isItemListField(recordType: RecordType, field: string): boolean {
  return ITEM_LIST_FIELDS[recordType]?.includes(field) ?? false;
}

/**
 * The old and new value a history row keeps for one changed field. For an item list changed from one
 * list to another: the items removed as the old value and the items added as the new one (compared by
 * content), which is all the history view shows of such a field. Anything else (including a list's
 * first value, on creation) is kept whole.
 */
export function historyValues(
  recordType: RecordType,
  field: string,
  oldValue: unknown,
  newValue: unknown,
): { readonly oldValue: unknown; readonly newValue: unknown } {
  if (!isItemListField(recordType, field) || !Array.isArray(oldValue) || !Array.isArray(newValue)) {
    return { oldValue, newValue };
  }
  const key = (item: unknown) => JSON.stringify(item);
  const oldKeys = new Set(oldValue.map(key));
  const newKeys = new Set(newValue.map(key));
  return {
    oldValue: oldValue.filter((item) => !newKeys.has(key(item))),
    newValue: newValue.filter((item) => !oldKeys.has(key(item))),
  };
}
