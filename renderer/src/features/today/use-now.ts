import { useEffect, useState } from 'react';

/** The current instant, refreshed at the start of every minute (what a clock showing HH:mm needs). */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    let timer: number;
    const schedule = () => {
      timer = window.setTimeout(
        () => {
          setNow(Date.now());
          schedule();
        },
        60_000 - (Date.now() % 60_000),
      );
    };
    schedule();
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}
