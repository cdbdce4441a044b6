// PUT /api/v1/runs/<id>/artifacts/<path>: a file for a run's artifact folder, the request body
// being its raw bytes. Outside the contract because the body is the file, not JSON (as MLflow's
// artifact proxy PUT); every path check is the artifact store's.
import { ApiError } from '../../../src-shared/errors';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { checkWritable, requireRun } from '../api/run-writes';
import { decodePath } from './decode-path';
import type { ExtraRoutes } from './http-server';
import { sendJson } from './respond';

const RUN_ARTIFACT_ROUTE = /^\/api\/v1\/runs\/([^/]+)\/artifacts\/(.+)$/;

export function createRunArtifactUploadRoute(deps: { store: Store; hub: EventHub; artifacts: ArtifactStore }): ExtraRoutes {
  const { store, hub, artifacts } = deps;

  /** The run's artifact folder; a run created over the native API gets the one MLflow's runs get on its first upload. */
  function folderOf(runId: string): string {
    checkWritable(store, runId);
    const run = requireRun(store, runId);
    if (run.artifactUri === null) {
      const uri = artifacts.runArtifactUri(run.experimentId, run.id);
      store.tx(() => store.runs.setArtifactUri(run.id, uri));
      return artifacts.localDir(uri)!;
    }
    const dir = artifacts.localDir(run.artifactUri);
    if (dir === null) throw new ApiError('INVALID_PARAMETER_VALUE', `Run ${runId} keeps its artifacts elsewhere (${run.artifactUri})`);
    return dir;
  }

  return async (req, res, url) => {
    const m = RUN_ARTIFACT_ROUTE.exec(url.pathname);
    // Other methods on these paths are the contract's (its answer names them as not allowed).
    if (!m || req.method !== 'PUT') return false;
    const runId = decodePath(m[1]!);
    // Decoded segment by segment, so `..%2F` stays inside one segment and the path check sees it.
    const stored = await artifacts.putUnder(folderOf(runId), decodePath(m[2]!), req);
    hub.runChanged(runId);
    sendJson(res, 201, stored);
    return true;
  };
}
