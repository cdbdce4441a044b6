import { join } from 'node:path';
import { openStore, type Store } from '../store/store';
import { EventHub } from '../events/event-hub';
import type { IngestSource } from '../watch/source';

/** A store (`db.sqlite` in `dataDir`) and event hub, wired as the core wires them. */
export function storeHarness(dataDir: string) {
  const store = openStore(join(dataDir, 'db.sqlite'));
  const hub = new EventHub((id) => store.runs.summary(id));
  return { store, hub };
}

/** A store and event hub over a temp folder, as a source sees them in the core. */
export function sourceHarness<S extends IngestSource>(dataDir: string, make: (store: Store, hub: EventHub) => S) {
  const { store, hub } = storeHarness(dataDir);
  return { store, hub, source: make(store, hub) };
}

/** Every unit a scan of `root` finds, ingested once, as `runlens ingest` does. */
export async function ingestAll(source: IngestSource, root: string) {
  const problems: string[] = [];
  let points = 0;
  const runIds = new Set<string>();
  for (const unit of await source.findUnits(root, problems)) {
    const r = await source.ingest(unit);
    points += r.points;
    problems.push(...r.problems);
    r.runIds.forEach((id) => runIds.add(id));
  }
  return { points, problems, runIds: [...runIds] };
}

export function values(store: Store, runId: string, key: string): number[] {
  return Array.from(store.metrics.read(runId, key)?.value ?? []);
}

export function steps(store: Store, runId: string, key: string): number[] {
  return Array.from(store.metrics.read(runId, key)?.step ?? []);
}
