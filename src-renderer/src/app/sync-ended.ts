// A push or pull that ends has changed runs' sync state (kept beside the runs: it need not come
// with a run.updated) and, for a pull, what the Team page lists. Both are fetched again.
import type { SyncDone } from '../../../src-shared/sync';
import { useRemoteBrowserStore } from '../stores/remote-browser-store';
import { useRunsStore } from '../stores/runs-store';

/** Past this many runs one list request is cheaper than a request per run. */
const ONE_BY_ONE_MAX = 20;

export function syncEnded(done: SyncDone): void {
  const runs = useRunsStore.getState();
  // A pull adds runs, and a push that stopped part-way may have marked runs it did not finish.
  if (done.direction === 'pull' || done.outcome !== 'done' || done.runs.length > ONE_BY_ONE_MAX) void runs.load();
  else for (const { localId } of done.runs) void runs.fetchRun(localId);
  if (done.direction === 'pull') useRemoteBrowserStore.getState().pulled(done.remote);
}
