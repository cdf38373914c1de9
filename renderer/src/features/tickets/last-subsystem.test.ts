import { describe, expect, it } from 'vitest';
import { readLastSubsystem, rememberLastSubsystem } from './last-subsystem';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
  };
}

describe('last subsystem', () => {
  it('remembers the subsystem per user', () => {
    const storage = memoryStorage();
    expect(readLastSubsystem(storage, 'zhangsan')).toBeUndefined();
    rememberLastSubsystem(storage, 'zhangsan', 5);
    expect(readLastSubsystem(storage, 'zhangsan')).toBe(5);
    expect(readLastSubsystem(storage, 'lisi')).toBeUndefined();
  });

  it('ignores a stored value that is not a subsystem', () => {
    const storage = memoryStorage();
    storage.setItem('yunwei:last-ticket-subsystem:zhangsan', '99');
    expect(readLastSubsystem(storage, 'zhangsan')).toBeUndefined();
    storage.setItem('yunwei:last-ticket-subsystem:zhangsan', 'abc');
    expect(readLastSubsystem(storage, 'zhangsan')).toBeUndefined();
  });
});
