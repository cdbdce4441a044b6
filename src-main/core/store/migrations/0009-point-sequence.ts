import type { Migration } from './migrate';

/**
 * The highest point sequence number stored per run. A client that numbers its points (the
 * native log route's `firstSeq`, a run folder's `seq` on a line) can resend them, or write them
 * to a run folder after the server went away, and each point is still stored once: points at or
 * below the mark are skipped, and the mark rises in the transaction that stores the points.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'point-sequence',
  up(db) {
    db.exec(`
      CREATE TABLE run_seq_marks (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        mark INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
