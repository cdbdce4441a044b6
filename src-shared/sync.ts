// Team sync: runs pushed to and pulled from a team's MLflow tracking server (a "remote").
// Pure TypeScript: shared by the core, both API transports and the renderer.

/** A remote as the API shows it: the secret (token or password) is stored, never returned. */
export interface RemoteConfig {
  name: string;
  /** The tracking server's base URL (what MLFLOW_TRACKING_URI holds). */
  url: string;
  /** Basic auth with `username` + secret; a secret without a username is sent as a Bearer token. */
  username: string;
  hasSecret: boolean;
}

/**
 * A run's place in the team's store, as the runs table shows it:
 * `pushed` — the remote has everything the run holds; `behind` — the run has points, tags,
 * params, status or artifacts the remote does not have yet; `remote` — a read-only copy pulled
 * from a remote. Runs never pushed nor pulled have no sync record (local only).
 */
export type SyncState = 'pushed' | 'behind' | 'remote';

export interface RunSync {
  state: SyncState;
  remote: string;
  remoteRunId: string;
  /** The remote experiment holding the run. */
  remoteExperimentId: string;
  /** New points follow to the remote while the run is RUNNING (live push). */
  live: boolean;
  /** Epoch ms of the last completed push or pull of this run. */
  syncedAt: number | null;
  /** Why the last attempt failed (live push keeps retrying); null when it did not. */
  error: string | null;
}

export type SyncDirection = 'push' | 'pull';

export interface SyncProgress {
  jobId: string;
  direction: SyncDirection;
  remote: string;
  /** Runs finished out of the runs the job covers (known once planned). */
  runsDone: number;
  runsTotal: number;
  /** Points sent (push) or received (pull) so far, out of what the job found to move. */
  points: number;
  pointsTotal: number;
  /** Artifact bytes moved so far, out of the total to move. */
  bytes: number;
  bytesTotal: number;
  /** The local id of the run being worked on. */
  currentRun: string | null;
}

export interface SyncDone {
  jobId: string;
  direction: SyncDirection;
  remote: string;
  outcome: 'done' | 'failed' | 'cancelled';
  /** Each run the job finished: local id ↔ remote id. */
  runs: { localId: string; remoteId: string }[];
  points: number;
  bytes: number;
  /** Why the job failed; null when it did not. */
  error: string | null;
}

export interface RemoteExperiment {
  id: string;
  name: string;
  lifecycleStage: string;
  lastUpdateTime: number | null;
  /** Runs of it are pulled and followed (new and updated runs come in by themselves). */
  followed: boolean;
}

export interface RemoteRun {
  id: string;
  experimentId: string;
  name: string;
  status: string;
  startTime: number | null;
  endTime: number | null;
  userId: string;
  /** The run's latest metric values, as the remote lists them. */
  metrics: { key: string; value: number | 'NaN' | 'Infinity' | '-Infinity'; step: number }[];
  params: Record<string, string>;
  /** The local run holding it: pulled before, or the local run it was pushed from; null when none. */
  localRunId: string | null;
}

export interface FollowedExperiment {
  remote: string;
  experimentId: string;
  experimentName: string;
  /** Epoch ms of the last look at the remote; null before the first. */
  polledAt: number | null;
  error: string | null;
}
