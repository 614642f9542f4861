import { useEffect, useState } from 'react';

/**
 * The current time in ms, re-read every `intervalMs` while `active` (e.g. while a step runs), so a
 * live duration ticks. Inactive: no timer at all, so finished pages never re-render on their own.
 */
export function useNow(intervalMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const tick = () => setNow(Date.now());
    const id = setInterval(tick, intervalMs);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(id);
      clearTimeout(first);
    };
  }, [active, intervalMs]);
  return now;
}
