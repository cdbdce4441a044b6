import type { Migration } from './migrate';

/**
 * Indexes a runs search narrows with before it builds any run (search/run-candidates.ts): a
 * param or tag by key and value, a metric by key and last value. Params and tags are keyed by
 * run first, so without these a clause on one key would scan every run's rows.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'run-search-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX params_by_key ON params (key, value);
      CREATE INDEX tags_by_key ON tags (key, value);
      CREATE INDEX metric_series_by_key ON metric_series (key, last_value);
    `);
  },
};
