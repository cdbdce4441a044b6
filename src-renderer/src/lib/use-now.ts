// One shared clock for every live duration on screen: a single interval, running only while
// something shows a RUNNING run, instead of a timer per table row.
import { useSyncExternalStore } from 'react';

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const noSubscription = () => () => {};

const snapshot = () => now;

/** The current time, ticking every second while `live`; otherwise it may be stale, so a caller
 *  passes `live = false` only when it does not read the value (a finished run's duration). */
export function useNow(live: boolean): number {
  return useSyncExternalStore(live ? subscribe : noSubscription, snapshot);
}
