import { useSyncExternalStore } from 'react';
import { Ticker } from './ticker';

const everySecond = new Ticker(1000);

/**
 * The current instant, refreshed every second on the second boundary: what a countdown needs. Every
 * component using it ticks together off one timer, which stops when none is mounted.
 */
export function useTickingNow(): number {
  return useSyncExternalStore(everySecond.subscribe, everySecond.now);
}
