// Pull against a real `mlflow server` (SQLite backend, artifacts proxied) with runs logged by the
// real mlflow client: every value, step, timestamp, param, tag, input and artifact digest equal
// to what MlflowClient reads, and a history longer than one get-history page.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, requireBinaries, startMlflowServer, type ServerProcess } from '../test-support/server-process';
import { openStore, type Store } from '../store/store';
import { EventHub } from '../events/event-hub';
import { ArtifactStore } from '../artifacts/artifact-store';
import { createSync } from './create-sync';
import { HISTORY_PAGE } from './pull-metrics';

const VENV = resolve('.venv/bin');
const MLFLOW = join(VENV, 'mlflow');
const PYTHON = join(VENV, 'python');
const skip = requireBinaries([MLFLOW, PYTHON]);
const ENV = { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false' };
/** More points than one get-history page holds. */
const LONG = HISTORY_PAGE + 5_001;

let work: string;
let server: ServerProcess;

function python(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { env: { ...ENV, MLFLOW_TRACKING_URI: server.url }, stdio: 'pipe', maxBuffer: 256 << 20 }).toString();
}

/** Logs a run through the real client; answers its id and experiment id. */
function logRun(artifactDir: string): { runId: string; experimentId: string } {
  const out = python(`
import sys, json, math, os, pandas as pd, mlflow
from mlflow import MlflowClient
from mlflow.entities import Metric
mlflow.set_experiment("team-exp")
with mlflow.start_run(run_name="real-run") as run:
    mlflow.log_params({"lr": "0.001", "layers": "4"})
    mlflow.set_tags({"owner": "ana", "purpose": "pull test"})
    c = MlflowClient()
    n = int(sys.argv[2])
    metrics = [Metric("loss", 1.0 / (i + 1), 1700000000000 + i * 7, i) for i in range(n)]
    metrics.append(Metric("weird", float("nan"), 1700000000001, 0))
    metrics.append(Metric("weird", float("inf"), 1700000000002, 1))
    metrics.append(Metric("weird", float("-inf"), 1700000000003, 2))
    for i in range(0, len(metrics), 1000):
        c.log_batch(run.info.run_id, metrics=metrics[i:i + 1000])
    df = pd.DataFrame({"x": [1, 2, 3], "y": [0.5, 0.25, 0.125]})
    mlflow.log_input(mlflow.data.from_pandas(df, name="tiny", source="/data/tiny.csv"), context="training")
    mlflow.log_artifacts(sys.argv[1])
    print(json.dumps({"runId": run.info.run_id, "experimentId": run.info.experiment_id}))
`, artifactDir, String(LONG));
  return JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as { runId: string; experimentId: string };
}

interface Truth {
  history: Record<string, { value: number | string; step: number; timestamp: number }[]>;
  params: Record<string, string>;
  tags: Record<string, string>;
  status: string;
  startTime: number;
  endTime: number;
  inputs: { name: string; digest: string; source: string; context: string }[];
  artifacts: Record<string, string>;
}

/** What the real client reads back: histories, params, tags, inputs and the sha256 of each artifact. */
function readBack(runId: string, downloadDir: string): Truth {
  const out = python(`
import sys, json, math, hashlib, os
from mlflow import MlflowClient
c = MlflowClient()
run = c.get_run(sys.argv[1])
def num(v):
    return v if math.isfinite(v) else ("NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity"))
history = {k: [{"value": num(m.value), "step": m.step, "timestamp": m.timestamp} for m in c.get_metric_history(run.info.run_id, k)] for k in run.data.metrics}
root = c.download_artifacts(run.info.run_id, "", sys.argv[2])
artifacts = {}
for d, _, files in os.walk(root):
    for f in files:
        p = os.path.join(d, f)
        artifacts[os.path.relpath(p, root)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
inputs = [{"name": i.dataset.name, "digest": i.dataset.digest, "source": i.dataset.source, "context": {t.key: t.value for t in i.tags}.get("mlflow.data.context", "")} for i in run.inputs.dataset_inputs]
print(json.dumps({"history": history, "params": run.data.params, "tags": run.data.tags, "status": run.info.status, "startTime": run.info.start_time, "endTime": run.info.end_time, "inputs": inputs, "artifacts": artifacts}))
`, runId, downloadDir);
  return JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as Truth;
}

const wire = (v: number): number | string => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');
const byOrder = (a: { step: number; timestamp: number }, b: { step: number; timestamp: number }) => a.step - b.step || a.timestamp - b.timestamp;

function sha256Tree(dir: string, paths: string[]): Record<string, string> {
  return Object.fromEntries(paths.map((p) => [p, createHash('sha256').update(readFileSync(join(dir, p))).digest('hex')]));
}

describe.skipIf(skip !== null)('pull from a real mlflow server', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'runlens-pull-'));
    const port = await freePort();
    server = await startMlflowServer({ work, port });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('imports a run logged by the mlflow client exactly, its long history across pages', async () => {
    const src = join(work, 'to-log');
    execFileSync('mkdir', ['-p', join(src, 'plots')]);
    execFileSync('sh', ['-c', `printf 'epoch,loss\\n1,0.5\\n' > ${join(src, 'log.csv')}; head -c 300000 /dev/urandom > ${join(src, 'plots', 'big.bin')}`]);
    const { runId, experimentId } = logRun(src);
    const truth = readBack(runId, join(work, 'download'));
    expect(truth.history.loss).toHaveLength(LONG);

    const dataDir = join(work, 'runlens');
    execFileSync('mkdir', ['-p', dataDir]);
    const store: Store = openStore(join(dataDir, 'runlens.db'));
    const hub = new EventHub((id) => store.runs.summary(id));
    const artifacts = new ArtifactStore(join(dataDir, 'artifacts'));
    const sync = createSync({ store, hub, artifacts, dataDir, log: () => {} });
    try {
      sync.remotes.save({ name: 'team', url: server.url, username: '' });
      const jobId = sync.pull.start({ remote: 'team', experimentId, follow: false });
      await sync.jobs.idle();
      const { done } = sync.jobs.get(jobId);
      expect(done).toMatchObject({ outcome: 'done', error: null, runs: [{ localId: runId, remoteId: runId }] });

      const run = store.runs.summary(runId)!;
      expect(run).toMatchObject({ experiment: 'team-exp', name: 'real-run', status: truth.status, startTime: truth.startTime, endTime: truth.endTime, params: truth.params, tags: truth.tags, sourceKind: 'mlflow-remote' });
      for (const [key, points] of Object.entries(truth.history)) {
        const c = store.metrics.read(runId, key)!;
        const mine = Array.from(c.step, (step, i) => ({ value: wire(c.value[i]!), step, timestamp: c.timestamp[i]! }));
        expect([key, mine.sort(byOrder)]).toEqual([key, [...points].sort(byOrder)]);
      }
      expect(store.datasets.inputsOf(runId).map((i) => ({ name: i.dataset.name, digest: i.dataset.digest, source: i.dataset.source, context: i.tags['mlflow.data.context'] ?? '' }))).toEqual(truth.inputs);
      expect(sha256Tree(artifacts.localDir(run.artifactUri)!, Object.keys(truth.artifacts))).toEqual(truth.artifacts);

      // Unchanged on the server: pulling again moves nothing.
      const again = sync.pull.start({ remote: 'team', runIds: [runId], follow: false });
      await sync.jobs.idle();
      expect(sync.jobs.get(again).done).toMatchObject({ outcome: 'done', points: 0, bytes: 0 });
    } finally {
      await sync.close();
      hub.close();
      store.close();
    }
  }, 240_000);
});
