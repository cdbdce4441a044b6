import type Database from 'better-sqlite3';
import { unpackFloats } from '../chunk-codec';
import type { Migration } from './migrate';

interface SeriesExtremes {
  id: number;
  min_value: number | null;
  max_value: number | null;
}

/**
 * What comparing series needs. The "step of best" (the step where a series' smallest and largest
 * finite value were first reached), so the runs table shows it without reading points; it is
 * backfilled from the chunks, and as each chunk row records its value extremes only the chunks
 * holding the series' min or max are decoded. And an index of chunks by step: chunk rows carry
 * their blobs, which overflow into pages that any scan of the table walks (7 ms per 1,000
 * chunks), so a zoomed read and a series' step extent search the index instead.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'series-query',
  up(db) {
    db.exec(`
      ALTER TABLE metric_series ADD COLUMN min_value_step INTEGER;
      ALTER TABLE metric_series ADD COLUMN max_value_step INTEGER;
      CREATE INDEX metric_chunks_by_step ON metric_chunks (series_id, step_min, step_max);
    `);
    const series = db.prepare<[], SeriesExtremes>('SELECT id, min_value, max_value FROM metric_series WHERE min_value IS NOT NULL').all();
    const update = db.prepare<[number | null, number | null, number]>('UPDATE metric_series SET min_value_step = ?, max_value_step = ? WHERE id = ?');
    const withMin = chunksWith(db, 'value_min');
    const withMax = chunksWith(db, 'value_max');
    for (const s of series) {
      update.run(firstStepOf(withMin.all(s.id, s.min_value!), s.min_value!), firstStepOf(withMax.all(s.id, s.max_value!), s.max_value!), s.id);
    }
  },
};

function chunksWith(db: Database.Database, column: 'value_min' | 'value_max') {
  return db.prepare<[number, number], { steps: Buffer; vals: Buffer }>(
    `SELECT steps, vals FROM metric_chunks WHERE series_id = ? AND ${column} = ?`,
  );
}

/** Smallest step holding `value`: chunks are in arrival order, which need not be step order. */
function firstStepOf(chunks: { steps: Buffer; vals: Buffer }[], value: number): number | null {
  let best = Infinity;
  for (const c of chunks) {
    const steps = unpackFloats(c.steps);
    const vals = unpackFloats(c.vals);
    for (let i = 0; i < vals.length; i++) if (vals[i] === value && steps[i]! < best) best = steps[i]!;
  }
  return best === Infinity ? null : best;
}
