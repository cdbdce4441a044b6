import type { Db } from '../store/open-db';
import { versionPlaces } from './dataset-versions';
import { readDataFlow } from './lineage-rows';
import { dataFlowAdjacency, newerDataNodes } from './newer-data';

/**
 * The writes that can change which runs have newer data available. Of a run, only its deletion
 * or restoring counts: heartbeats and metric writes update runs all the time and change nothing.
 */
const WATCHED = ['datasets', 'run_inputs', 'run_dataset_outputs'].flatMap((t) => ['INSERT', 'UPDATE', 'DELETE'].map((op) => `${op} ON main.${t}`)).concat(['DELETE ON main.runs', 'UPDATE OF lifecycle_stage ON main.runs']);
const RUN_PREFIX = 'run:';

/**
 * The ids of the runs with newer data available, for every run summary. Recomputed only after a
 * write to the data-flow tables: temporary triggers (this connection's own, so no migration)
 * set a marker to a fresh random value on each such write. A random value rather than a count,
 * because a rolled-back transaction restores the marker, and a count could then come back to a
 * value seen with other data.
 */
export class StaleRuns {
  private readonly marker;
  private seen: bigint | null = null;
  private ids: ReadonlySet<string> = new Set();

  constructor(private readonly db: Db) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS lineage_marker (value INTEGER NOT NULL); INSERT INTO lineage_marker SELECT random() WHERE NOT EXISTS (SELECT 1 FROM lineage_marker);');
    WATCHED.forEach((event, i) =>
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS lineage_marker_${i} AFTER ${event} BEGIN UPDATE temp.lineage_marker SET value = random(); END`),
    );
    this.marker = db.prepare<[], bigint>('SELECT value FROM temp.lineage_marker').pluck().safeIntegers();
  }

  current(): ReadonlySet<string> {
    const marker = this.marker.get()!;
    if (marker !== this.seen) {
      const flow = readDataFlow(this.db);
      const newer = newerDataNodes(dataFlowAdjacency(flow), versionPlaces(flow.datasets));
      this.ids = new Set([...newer].filter((id) => id.startsWith(RUN_PREFIX)).map((id) => id.slice(RUN_PREFIX.length)));
      this.seen = marker;
    }
    return this.ids;
  }
}
