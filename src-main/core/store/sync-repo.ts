import { createHash } from 'node:crypto';
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

/** How many points of a key the remote is known to hold; `inFlight` while a batch's outcome is unknown. */
export interface PushMark {
  pushed: number;
  inFlight: boolean;
}

/** A file the remote holds, as it was when pushed. */
export interface PushedFile {
  size: number;
  mtimeMs: number;
}

/** What the last push of a run sent besides points and files; null before the first. */
export interface PushedState {
  meta: string | null;
  inputs: number | null;
  status: string | null;
  /** Points of all keys the remote holds (marks capped at the local counts). */
  points: number | null;
}

/** A digest of a run's params and tags: a run whose digest differs from the pushed one is behind. */
export function metaDigest(params: Record<string, string>, tags: Record<string, string>): string {
  const sorted = (r: Record<string, string>) => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha1').update(JSON.stringify([sorted(params), sorted(tags)])).digest('base64url');
}

/** A link as the runs table needs it, with what the last push sent. */
export interface LinkState extends RemoteRunLink {
  pushed: PushedState;
  /** How many dataset inputs the run has now. */
  inputs: number;
}

interface PushedRow {
  pushed_meta: string | null;
  pushed_inputs: number | null;
  pushed_status: string | null;
  pushed_points: number | null;
}
type LinkStateRow = LinkRow & PushedRow & { inputs: number };

const fromPushedRow = (r: PushedRow | undefined): PushedState => ({
  meta: r?.pushed_meta ?? null,
  inputs: r?.pushed_inputs ?? null,
  status: r?.pushed_status ?? null,
  points: r?.pushed_points ?? null,
});

// One query for the links of every (or some) runs: the bulk run list adds no per-run query.
const LINK_STATES = `SELECT rr.*,
    CASE WHEN rr.direction = 'push' THEN (SELECT count(*) FROM run_inputs i WHERE i.run_id = rr.run_id) ELSE 0 END AS inputs
  FROM remote_runs rr`;

/** Which local run is which run on which remote (migration 0010). Writers run inside the caller's transaction. */
export class SyncRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      link: db.prepare<[string, string], LinkRow>('SELECT * FROM remote_runs WHERE run_id = ? AND remote = ?'),
      linksOf: db.prepare<[string], LinkRow>('SELECT * FROM remote_runs WHERE run_id = ? ORDER BY synced_at DESC, remote'),
      byRemoteId: db.prepare<[string, string], LinkRow>('SELECT * FROM remote_runs WHERE remote = ? AND remote_run_id = ?'),
      pulledFrom: db.prepare<[string], LinkRow>("SELECT * FROM remote_runs WHERE run_id = ? AND direction = 'pull' LIMIT 1"),
      live: db.prepare<[], LinkRow>('SELECT * FROM remote_runs WHERE live = 1'),
      ofRemote: db.prepare<[string, string], LinkRow>('SELECT * FROM remote_runs WHERE remote = ? AND direction = ?'),
      insert: db.prepare(
        `INSERT INTO remote_runs (run_id, remote, direction, remote_run_id, remote_experiment_id, live, synced_at, error)
         VALUES (@run_id, @remote, @direction, @remote_run_id, @remote_experiment_id, @live, NULL, NULL)`,
      ),
      setLive: db.prepare<[number, string, string]>('UPDATE remote_runs SET live = ? WHERE run_id = ? AND remote = ?'),
      synced: db.prepare<[number, string, string]>('UPDATE remote_runs SET synced_at = ?, error = NULL WHERE run_id = ? AND remote = ?'),
      failed: db.prepare<[string, string, string]>('UPDATE remote_runs SET error = ? WHERE run_id = ? AND remote = ?'),
      marks: db.prepare<[string, string], { key: string; pushed: number; in_flight: number }>(
        'SELECT key, pushed, in_flight FROM remote_push_marks WHERE run_id = ? AND remote = ?',
      ),
      inFlight: db.prepare<[string, string, string]>(
        `INSERT INTO remote_push_marks (run_id, remote, key, pushed, in_flight) VALUES (?, ?, ?, 0, 1)
         ON CONFLICT (run_id, remote, key) DO UPDATE SET in_flight = 1`,
      ),
      setMark: db.prepare<[string, string, string, number]>(
        `INSERT INTO remote_push_marks (run_id, remote, key, pushed, in_flight) VALUES (?, ?, ?, ?, 0)
         ON CONFLICT (run_id, remote, key) DO UPDATE SET pushed = excluded.pushed, in_flight = 0`,
      ),
      files: db.prepare<[string, string], { path: string; size: number; mtime_ms: number }>(
        'SELECT path, size, mtime_ms FROM remote_pushed_artifacts WHERE run_id = ? AND remote = ?',
      ),
      filePushed: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO remote_pushed_artifacts (run_id, remote, path, size, mtime_ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (run_id, remote, path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms`,
      ),
      pushedState: db.prepare<[string, string], PushedRow>(
        'SELECT pushed_meta, pushed_inputs, pushed_status, pushed_points FROM remote_runs WHERE run_id = ? AND remote = ?',
      ),
      setPushed: db.prepare(
        `UPDATE remote_runs SET pushed_meta = @meta, pushed_inputs = @inputs, pushed_status = @status, pushed_points = @points
         WHERE run_id = @run_id AND remote = @remote`,
      ),
      markedPoints: db.prepare<[string, string], { n: number }>(
        `SELECT coalesce(sum(min(m.pushed, s.count)), 0) AS n FROM remote_push_marks m
           JOIN metric_series s ON s.run_id = m.run_id AND s.key = m.key WHERE m.run_id = ? AND m.remote = ?`,
      ),
      allStates: db.prepare<[], LinkStateRow>(LINK_STATES),
      someStates: db.prepare<[string], LinkStateRow>(`${LINK_STATES} WHERE rr.run_id IN (SELECT value FROM json_each(?))`),
    };
  }

  link(runId: string, remote: string): RemoteRunLink | null {
    const row = this.q.link.get(runId, remote);
    return row ? fromRow(row) : null;
  }

  /** Every remote the run is linked to, the most recently synced first. */
  /** The remote run this run is a read-only copy of; null for a run of this store's own. Every write checks it: one keyed lookup. */
  pulledFrom(runId: string): RemoteRunLink | null {
    const row = this.q.pulledFrom.get(runId);
    return row ? fromRow(row) : null;
  }

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

  /** Per metric key, how many points the remote holds (keys never pushed are absent). */
  marks(runId: string, remote: string): Map<string, PushMark> {
    return new Map(this.q.marks.all(runId, remote).map((m) => [m.key, { pushed: m.pushed, inFlight: m.in_flight === 1 }]));
  }

  /** A batch of the key is about to go out: until `setMark`, its outcome counts as unknown. */
  markInFlight(runId: string, remote: string, key: string): void {
    this.q.inFlight.run(runId, remote, key);
  }

  /** The remote holds the key's first `pushed` points (and no batch of it is in flight). */
  setMark(runId: string, remote: string, key: string, pushed: number): void {
    this.q.setMark.run(runId, remote, key, pushed);
  }

  pushedFiles(runId: string, remote: string): Map<string, PushedFile> {
    return new Map(this.q.files.all(runId, remote).map((f) => [f.path, { size: f.size, mtimeMs: f.mtime_ms }]));
  }

  filePushed(runId: string, remote: string, path: string, file: PushedFile): void {
    this.q.filePushed.run(runId, remote, path, file.size, file.mtimeMs);
  }

  pushedState(runId: string, remote: string): PushedState {
    return fromPushedRow(this.q.pushedState.get(runId, remote));
  }

  /** Records what a push sent; a field left undefined keeps its stored value. */
  setPushedState(runId: string, remote: string, state: Partial<PushedState>): void {
    const now = this.pushedState(runId, remote);
    const pick = <K extends keyof PushedState>(k: K) => (state[k] !== undefined ? state[k] : now[k]);
    this.q.setPushed.run({ run_id: runId, remote, meta: pick('meta'), inputs: pick('inputs'), status: pick('status'), points: pick('points') });
  }

  /** The points the marks say the remote holds, each key's mark capped at the local count. */
  markedPoints(runId: string, remote: string): number {
    return this.q.markedPoints.get(runId, remote)!.n;
  }

  /** Every link of every run (or of the runs named), with what the last push sent. */
  linkStates(runIds?: readonly string[]): LinkState[] {
    const rows = runIds ? this.q.someStates.all(JSON.stringify(runIds)) : this.q.allStates.all();
    return rows.map((r) => ({ ...fromRow(r), pushed: fromPushedRow(r), inputs: r.inputs }));
  }
}
