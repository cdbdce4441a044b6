import type { SyncDirection } from '../../../src-shared/sync';
import type { Db } from './open-db';

/** A local run's counterpart on a remote. */
export interface RemoteRunLink {
  runId: string;
  remote: string;
  direction: SyncDirection;
  remoteRunId: string;
  remoteExperimentId: string;
  live: boolean;
  syncedAt: number | null;
  error: string | null;
}

interface LinkRow {
  run_id: string;
  remote: string;
  direction: SyncDirection;
  remote_run_id: string;
  remote_experiment_id: string;
  live: number;
  synced_at: number | null;
  error: string | null;
}

const fromRow = (r: LinkRow): RemoteRunLink => ({
  runId: r.run_id,
  remote: r.remote,
  direction: r.direction,
  remoteRunId: r.remote_run_id,
  remoteExperimentId: r.remote_experiment_id,
  live: r.live === 1,
  syncedAt: r.synced_at,
  error: r.error,
});

/** Which local run is which run on which remote (migration 0010). Writers run inside the caller's transaction. */
export class SyncRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      link: db.prepare<[string, string], LinkRow>('SELECT * FROM remote_runs WHERE run_id = ? AND remote = ?'),
      linksOf: db.prepare<[string], LinkRow>('SELECT * FROM remote_runs WHERE run_id = ? ORDER BY synced_at DESC, remote'),
      byRemoteId: db.prepare<[string, string], LinkRow>('SELECT * FROM remote_runs WHERE remote = ? AND remote_run_id = ?'),
      live: db.prepare<[], LinkRow>('SELECT * FROM remote_runs WHERE live = 1'),
      ofRemote: db.prepare<[string, string], LinkRow>('SELECT * FROM remote_runs WHERE remote = ? AND direction = ?'),
      insert: db.prepare(
        `INSERT INTO remote_runs (run_id, remote, direction, remote_run_id, remote_experiment_id, live, synced_at, error)
         VALUES (@run_id, @remote, @direction, @remote_run_id, @remote_experiment_id, @live, NULL, NULL)`,
      ),
      setLive: db.prepare<[number, string, string]>('UPDATE remote_runs SET live = ? WHERE run_id = ? AND remote = ?'),
      synced: db.prepare<[number, string, string]>('UPDATE remote_runs SET synced_at = ?, error = NULL WHERE run_id = ? AND remote = ?'),
      failed: db.prepare<[string, string, string]>('UPDATE remote_runs SET error = ? WHERE run_id = ? AND remote = ?'),
    };
  }

  link(runId: string, remote: string): RemoteRunLink | null {
    const row = this.q.link.get(runId, remote);
    return row ? fromRow(row) : null;
  }

  /** Every remote the run is linked to, the most recently synced first. */
  linksOf(runId: string): RemoteRunLink[] {
    return this.q.linksOf.all(runId).map(fromRow);
  }

  /** The local run linked to a remote's run, pushed from here or pulled. */
  byRemoteId(remote: string, remoteRunId: string): RemoteRunLink | null {
    const row = this.q.byRemoteId.get(remote, remoteRunId);
    return row ? fromRow(row) : null;
  }

  /** Links whose run is pushed live. */
  liveLinks(): RemoteRunLink[] {
    return this.q.live.all().map(fromRow);
  }

  linksToRemote(remote: string, direction: SyncDirection): RemoteRunLink[] {
    return this.q.ofRemote.all(remote, direction).map(fromRow);
  }

  insert(l: { runId: string; remote: string; direction: SyncDirection; remoteRunId: string; remoteExperimentId: string; live?: boolean }): RemoteRunLink {
    this.q.insert.run({ run_id: l.runId, remote: l.remote, direction: l.direction, remote_run_id: l.remoteRunId, remote_experiment_id: l.remoteExperimentId, live: l.live ? 1 : 0 });
    return this.link(l.runId, l.remote)!;
  }

  setLive(runId: string, remote: string, live: boolean): boolean {
    return this.q.setLive.run(live ? 1 : 0, runId, remote).changes > 0;
  }

  /** A push or pull of the run completed: clears the last error. */
  markSynced(runId: string, remote: string, at: number): void {
    this.q.synced.run(at, runId, remote);
  }

  markFailed(runId: string, remote: string, error: string): void {
    this.q.failed.run(error, runId, remote);
  }
}
