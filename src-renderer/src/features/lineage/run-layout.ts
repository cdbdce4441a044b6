// One layout worker for the page, started on first use. Graphs small enough to lay out in a few
// milliseconds skip the round trip; a newer request supersedes an older one still out.
import { layoutLineage, type LayoutInput, type Positions } from './lineage-layout';

const WORKER_FROM_NODES = 300;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if (event.data.positions) waiting.resolve(event.data.positions);
    else waiting.reject(new Error(event.data.error ?? 'layout failed'));
  };
  worker.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'layout worker failed'));
    pending.clear();
  };
  return worker;
}

export function runLayout(input: LayoutInput): Promise<Positions> {
  const w = input.nodes.length >= WORKER_FROM_NODES ? layoutWorker() : null;
  if (!w) return Promise.resolve().then(() => layoutLineage(input));
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, input });
  });
}
