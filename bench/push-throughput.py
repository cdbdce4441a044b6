"""Push throughput: the same runs uploaded to the same PostgreSQL-backed `mlflow server`, in one
bench run, by (a) Runlens's push job and (b) the mlflow Python client's own
MlflowClient().log_batch, 1,000 metrics per call (MLflow's per-request limit). Prints points/s
for both and their ratio; asserts nothing about speed, only that every point arrived.

    npm run build && .venv/bin/python bench/push-throughput.py

Workload: RUNS runs × 4 keys × STEPS steps (default 3 × 25,000 = 300,000 points, the proof's
size; BENCH_QUICK=1: 3 × 5,000), the e2e/team_sync workload (curves with NaN and ±Infinity,
irregular timestamps). Runlens: `runlens serve` on a fresh data folder, the runs logged locally
first (not timed), then the push job timed from the request to its `done`. mlflow client: a
fresh run per run with the same points, timed from the first create_run to the last
set_terminated. Artifacts and inputs are left out: this measures metric points.
"""

from __future__ import annotations

import os

# Before mlflow is imported: no usage telemetry to an outside host, no retry back-off hiding errors.
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
os.environ["DO_NOT_TRACK"] = "true"
os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] = "120"
os.environ["MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT"] = "true"
for _var in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN", "MLFLOW_EXPERIMENT_ID"):
    os.environ.pop(_var, None)

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for folder in (REPO / "bench" / "lib", REPO / "e2e" / "pyshared", REPO / "e2e" / "mlflow", REPO / "e2e" / "team_sync"):
    sys.path.insert(0, str(folder))

from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import Metric, Param  # noqa: E402

import bench_result  # noqa: E402
from mlflow_remote import MlflowRemote, PostgresMlflow  # noqa: E402
from runlens_proc import runlens_serve  # noqa: E402
from sync_client import SyncRunlens  # noqa: E402
from workload import KEYS, RunData, make_run  # noqa: E402

RUNS = 3
STEPS = 5_000 if bench_result.QUICK else 25_000
BATCH = 1000


def push_with_runlens(remote: MlflowRemote, runs: list[RunData], folder: Path) -> float:
    """Seconds from the push request to the job's end; the runs are logged locally first."""
    with runlens_serve(folder / "runlens", client=SyncRunlens) as rl:
        rl.add_remote("team", remote.url)
        for run in runs:
            run_id = rl.create_run("bench-runlens-push", run.name, params=run.params, tags=run.tags)
            rl.log_points(run_id, run.points)
            rl.finish(run_id)
        started = time.perf_counter()
        done = rl.finish_job(rl.push("team", experiment="bench-runlens-push"), timeout=3600)
        seconds = time.perf_counter() - started
    assert done["points"] == sum(len(r.points) for r in runs), done
    return seconds


def metric(p: dict) -> Metric:
    return Metric(p["key"], float(p["value"]), p["timestamp"], p["step"])


def upload_with_log_batch(remote: MlflowRemote, runs: list[RunData]) -> float:
    """Seconds for the mlflow client to create each run, log_batch its points 1,000 at a time
    (params and tags in the first call, as a script would) and end it."""
    client = MlflowClient(tracking_uri=remote.url)
    exp = client.create_experiment("bench-mlflow-log-batch")
    batches = [[metric(p) for p in run.points] for run in runs]
    run_ids = []
    started = time.perf_counter()
    for run, points in zip(runs, batches):
        run_id = client.create_run(exp, run_name=run.name, tags=run.tags).info.run_id
        client.log_batch(run_id, params=[Param(k, v) for k, v in run.params.items()])
        for i in range(0, len(points), BATCH):
            client.log_batch(run_id, metrics=points[i : i + BATCH])
        client.set_terminated(run_id)
        run_ids.append(run_id)
    seconds = time.perf_counter() - started
    # Every point must have arrived, or the figure means nothing.
    for run_id, run in zip(run_ids, runs):
        for key in KEYS:
            assert len(client.get_metric_history(run_id, key)) == run.count(key), (run_id, key)
    return seconds


def main() -> None:
    runs = [make_run(i, STEPS) for i in range(RUNS)]
    points = sum(len(r.points) for r in runs)
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work skews both columns)")
    print(f"workload: {RUNS} runs x {len(KEYS)} keys x {STEPS:,} steps = {points:,} points; mlflow {__import__('mlflow').__version__} "
          "server on PostgreSQL, --workers 1")
    with tempfile.TemporaryDirectory(prefix="push-bench-") as tmp, PostgresMlflow() as remote:
        ours = push_with_runlens(remote, runs, Path(tmp))
        print(f"runlens push: {points:,} points in {ours:.1f} s = {points / ours:,.0f} points/s")
        peer = upload_with_log_batch(remote, runs)
        print(f"mlflow client log_batch: {points:,} points in {peer:.1f} s = {points / peer:,.0f} points/s")
    print(f"ratio runlens/mlflow client: {peer / ours:.2f}x")
    bench_result.report("sync", f"push to mlflow server on PostgreSQL ({RUNS} runs x {len(KEYS)} keys x {STEPS:,} steps)",
                        points / ours, "points/s",
                        peer=("mlflow client log_batch, 1,000 per call, same server", points / peer),
                        note="4 keys' batches in flight against 1 at a time; one server worker (--workers 1) serves both")


if __name__ == "__main__":
    main()
