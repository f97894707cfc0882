import { useSyncExternalStore } from 'react';

/**
 * The one ticking clock of the UI (architecture: no `Date.now()` in a component). It ticks on the
 * second boundary and corrects itself by the core's clock from each snapshot.
 */
let offsetMs = 0;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  const wall = Date.now() + offsetMs;
  timer = setTimeout(
    () => {
      now = Date.now() + offsetMs;
      listeners.forEach((l) => l());
      schedule();
    },
    1000 - (wall % 1000),
  );
}

/** Calls `listener` on every tick (after `currentTime` has moved on); returns the unsubscribe. */
export function onTick(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

/** Aligns the UI clock with the core's (the web host may run on another machine than the browser). */
export function syncClock(coreNow: number): void {
  offsetMs = coreNow - Date.now();
  now = coreNow;
}

export function currentTime(): number {
  return now;
}

/** Re-renders the calling component once a second. */
export function useNow(): number {
  return useSyncExternalStore(onTick, currentTime);
}
