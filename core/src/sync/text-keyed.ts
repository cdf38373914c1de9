/*
 * Objects keyed by text a client chose (field names, event ids). A plain object answers
 * `constructor` or `toString` with what it inherits, and assigning `__proto__` replaces its
 * prototype instead of adding a key: read and write such keys through these two. (An object without
 * a prototype would need neither, but V8 keeps those in its slow dictionary mode: twice the time of a
 * pull's merge, measured.)
 */

/** A map's own entry, never an inherited member. */
export function ownEntry<Value>(
  map: Readonly<Record<string, Value>> | undefined,
  key: string,
): Value | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Sets a map's own entry, `__proto__` included. */
export function setEntry<Value>(map: Record<string, Value>, key: string, value: Value): void {
  if (key === '__proto__') {
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    map[key] = value;
  }
}
