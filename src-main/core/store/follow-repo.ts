import type { FollowedExperiment } from '../../../src-shared/sync';
import type { Db } from './open-db';

interface FollowRow {
  remote: string;
  experiment_id: string;
  experiment_name: string;
  polled_at: number | null;
  error: string | null;
}

const fromRow = (r: FollowRow): FollowedExperiment => ({
  remote: r.remote,
  experimentId: r.experiment_id,
  experimentName: r.experiment_name,
  polledAt: r.polled_at,
  error: r.error,
});

/** Remote experiments whose runs are pulled as they appear and change (`remote_follows`, migration 0010). */
export class FollowRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      list: db.prepare<[], FollowRow>('SELECT * FROM remote_follows ORDER BY remote, experiment_name, experiment_id'),
      get: db.prepare<[string, string], FollowRow>('SELECT * FROM remote_follows WHERE remote = ? AND experiment_id = ?'),
      follow: db.prepare<[string, string, string]>(
        `INSERT INTO remote_follows (remote, experiment_id, experiment_name) VALUES (?, ?, ?)
         ON CONFLICT (remote, experiment_id) DO UPDATE SET experiment_name = excluded.experiment_name`,
      ),
      remove: db.prepare<[string, string]>('DELETE FROM remote_follows WHERE remote = ? AND experiment_id = ?'),
      polled: db.prepare<[number, string | null, string, string]>('UPDATE remote_follows SET polled_at = ?, error = ? WHERE remote = ? AND experiment_id = ?'),
    };
  }

  list(): FollowedExperiment[] {
    return this.q.list.all().map(fromRow);
  }

  get(remote: string, experimentId: string): FollowedExperiment | null {
    const row = this.q.get.get(remote, experimentId);
    return row ? fromRow(row) : null;
  }

  follow(remote: string, experimentId: string, experimentName: string): void {
    this.q.follow.run(remote, experimentId, experimentName);
  }

  remove(remote: string, experimentId: string): boolean {
    return this.q.remove.run(remote, experimentId).changes > 0;
  }

  /** A poll of the experiment ended: when, and why it failed (null when it did not). */
  polled(remote: string, experimentId: string, at: number, error: string | null): void {
    this.q.polled.run(at, error, remote, experimentId);
  }
}
