import { describe, expect, it } from 'vitest';
import { readLastSubsystem, rememberLastSubsystem } from './last-subsystem';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
  };
}

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

describe('last subsystem', () => {
  it('remembers the subsystem per user', () => {
    const storage = memoryStorage();
    expect(readLastSubsystem(storage, 'zhangsan', ALL)).toBeUndefined();
    rememberLastSubsystem(storage, 'zhangsan', 5);
    expect(readLastSubsystem(storage, 'zhangsan', ALL)).toBe(5);
    expect(readLastSubsystem(storage, 'lisi', ALL)).toBeUndefined();
  });

  it('ignores a stored value that is not a subsystem', () => {
    const storage = memoryStorage();
    storage.setItem('yunwei:last-ticket-subsystem:zhangsan', '99');
    expect(readLastSubsystem(storage, 'zhangsan', ALL)).toBeUndefined();
    storage.setItem('yunwei:last-ticket-subsystem:zhangsan', 'abc');
    expect(readLastSubsystem(storage, 'zhangsan', ALL)).toBeUndefined();
  });

  it('starts on the last subsystem only while the user may still write it', () => {
    const storage = memoryStorage();
    rememberLastSubsystem(storage, 'zhangsan', 7);
    expect(readLastSubsystem(storage, 'zhangsan', [1, 5])).toBeUndefined();
    expect(readLastSubsystem(storage, 'zhangsan', [5])).toBe(5);
    expect(readLastSubsystem(storage, 'zhangsan', [5, 7])).toBe(7);
  });
});
