// Refetch-on-event without a request storm: per key, at most one request in flight and one
// start per interval; an event during a request queues exactly one more run after it.

interface Slot {
  inFlight: boolean;
  again: boolean;
  lastStart: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface KeyedThrottle {
  schedule: (key: string) => void;
  /** Drops the key: a pending run never starts, a run in flight is not repeated. */
  cancel: (key: string) => void;
  keys: () => string[];
}

export function createKeyedThrottle(intervalMs: number, run: (key: string) => Promise<void>): KeyedThrottle {
  const slots = new Map<string, Slot>();

  const start = async (key: string, slot: Slot) => {
    slot.inFlight = true;
    slot.lastStart = Date.now();
    try {
      await run(key);
    } finally {
      slot.inFlight = false;
      if (slot.again && slots.get(key) === slot) {
        slot.again = false;
        schedule(key);
      }
    }
  };

  const schedule = (key: string) => {
    let slot = slots.get(key);
    if (!slot) {
      slot = { inFlight: false, again: false, lastStart: 0, timer: undefined };
      slots.set(key, slot);
    }
    if (slot.inFlight) {
      slot.again = true;
      return;
    }
    if (slot.timer) return;
    const wait = slot.lastStart + intervalMs - Date.now();
    if (wait <= 0) {
      void start(key, slot);
      return;
    }
    const pending = slot;
    pending.timer = setTimeout(() => {
      pending.timer = undefined;
      if (slots.get(key) === pending) void start(key, pending);
    }, wait);
  };

  return {
    schedule,
    cancel: (key) => {
      clearTimeout(slots.get(key)?.timer);
      slots.delete(key);
    },
    keys: () => [...slots.keys()],
  };
}
