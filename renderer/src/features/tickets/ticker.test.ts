import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Ticker } from './ticker';

describe('Ticker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_400);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks on the second boundary while someone listens, and stops when nobody does', () => {
    const ticker = new Ticker(1000);
    const heard: number[] = [];
    const stop = ticker.subscribe(() => heard.push(ticker.now()));
    expect(ticker.now()).toBe(10_400);
    vi.advanceTimersByTime(599);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual([11_000]);
    vi.advanceTimersByTime(2000);
    expect(heard).toEqual([11_000, 12_000, 13_000]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(heard).toHaveLength(3);
  });

  it('shares one timer among listeners', () => {
    const ticker = new Ticker(1000);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = ticker.subscribe(first);
    const stopSecond = ticker.subscribe(second);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(600);
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    stopFirst();
    expect(vi.getTimerCount()).toBe(1);
    stopSecond();
    expect(vi.getTimerCount()).toBe(0);
  });
});
