"""Logging throughput of the real mlflow client against `runlens serve` and against `mlflow server`
(SQLite backend), the same workload through each, measured in one run. Prints figures; asserts
nothing but that every point arrived.

    npm run build && .venv/bin/python bench/mlflow_logging.bench.py

Workload per server: RUNS runs x KEYS metrics x STEPS steps through MlflowClient.log_batch in
1000-metric requests (the per-request limit), then SINGLE MlflowClient.log_metric calls, one
point each. Sizes come from MLFLOW_BENCH_RUNS / _KEYS / _STEPS / _SINGLE (defaults 100, 10,
1000, 2000); MLFLOW_BENCH_QUICK=1 shrinks them to 10 runs x 10 x 300 and 200 calls (< 1 min).
"""

from __future__ import annotations

import os

# Before mlflow is imported: no usage telemetry to an outside host, no retry back-off hiding errors.
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
os.environ["DO_NOT_TRACK"] = "true"
os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
os.environ["MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT"] = "true"
for _var in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN", "MLFLOW_EXPERIMENT_ID"):
    os.environ.pop(_var, None)

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e" / "mlflow"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))

from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import Metric  # noqa: E402

import bench_result  # noqa: E402
from servers import Server, start_mlflow_server, start_runlens  # noqa: E402

QUICK = os.environ.get("MLFLOW_BENCH_QUICK") == "1" or bench_result.QUICK
RUNS = int(os.environ.get("MLFLOW_BENCH_RUNS", 10 if QUICK else 100))
KEYS = int(os.environ.get("MLFLOW_BENCH_KEYS", 10))
STEPS = int(os.environ.get("MLFLOW_BENCH_STEPS", 300 if QUICK else 1000))
SINGLE = int(os.environ.get("MLFLOW_BENCH_SINGLE", 200 if QUICK else 2000))
BATCH = 1000
T0 = 1_760_000_000_000


@dataclass
class Figures:
    batch_seconds: float
    batch_points: int
    batch_requests: int
    single_seconds: float
    single_calls: int


def client_for(server: Server) -> MlflowClient:
    if server.token:
        os.environ["MLFLOW_TRACKING_TOKEN"] = server.token
    else:
        os.environ.pop("MLFLOW_TRACKING_TOKEN", None)
    return MlflowClient(tracking_uri=server.url)


def workload(server: Server) -> Figures:
    client = client_for(server)
    exp = client.create_experiment(f"bench-{time.time_ns()}")
    points = [Metric(f"m{k}", k + s / STEPS, T0 + s, s) for s in range(STEPS) for k in range(KEYS)]
    chunks = [points[i : i + BATCH] for i in range(0, len(points), BATCH)]

    run_ids, requests = [], 0
    started = time.perf_counter()
    for r in range(RUNS):
        run_id = client.create_run(exp, run_name=f"bench-{r}").info.run_id
        for chunk in chunks:
            client.log_batch(run_id, metrics=chunk)
            requests += 1
        client.set_terminated(run_id)
        run_ids.append(run_id)
    batch_seconds = time.perf_counter() - started

    single_run = client.create_run(exp, run_name="single").info.run_id
    started = time.perf_counter()
    for s in range(SINGLE):
        client.log_metric(single_run, "single", s / SINGLE, timestamp=T0 + s, step=s)
    single_seconds = time.perf_counter() - started

    # Every point must have arrived, or the figures mean nothing.
    assert len(client.get_metric_history(run_ids[-1], f"m{KEYS - 1}")) == STEPS, server.name
    assert len(client.get_metric_history(single_run, "single")) == SINGLE, server.name
    return Figures(batch_seconds, RUNS * KEYS * STEPS, requests, single_seconds, SINGLE)


def measure(start, name: str, root: Path) -> Figures:
    server = start(root / name)
    try:
        f = workload(server)
    finally:
        server.stop()
    print(f"{name}: {f.batch_points:,} points in {f.batch_seconds:.1f} s, {f.single_calls} calls in {f.single_seconds:.1f} s")
    return f


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work skews both columns)")
    print(f"workload: {RUNS} runs x {KEYS} metrics x {STEPS} steps via log_batch ({BATCH}/request), "
          f"then {SINGLE} log_metric calls; mlflow client {__import__('mlflow').__version__}")
    with tempfile.TemporaryDirectory(prefix="mlflow-bench-") as tmp:
        root = Path(tmp)
        peer = measure(start_mlflow_server, "mlflow_server", root)
        ours = measure(start_runlens, "runlens", root)

    rows = [
        ("log_batch points/s", lambda f: f.batch_points / f.batch_seconds),
        ("log_batch requests/s", lambda f: f.batch_requests / f.batch_seconds),
        ("log_metric calls/s", lambda f: f.single_calls / f.single_seconds),
    ]
    print(f"\n{'':24}{'mlflow server':>16}{'runlens':>16}{'runlens/mlflow':>17}")
    def fmt(x: float) -> str:
        return f"{x:>16,.1f}" if x < 100 else f"{x:>16,.0f}"

    for label, rate in rows:
        print(f"{label:24}{fmt(rate(peer))}{fmt(rate(ours))}{rate(ours) / rate(peer):>16.2f}x")
    print(f"\n{'wall seconds (batch)':24}{peer.batch_seconds:>16.1f}{ours.batch_seconds:>16.1f}")
    print(f"{'wall seconds (single)':24}{peer.single_seconds:>16.1f}{ours.single_seconds:>16.1f}")

    version = __import__("mlflow").__version__
    bench_result.report("ingest", f"real mlflow client {version}, log_batch ({RUNS} runs x {KEYS} metrics x {STEPS} steps, 1 in flight)",
                        ours.batch_points / ours.batch_seconds, "points/s",
                        peer=("mlflow server, same client", peer.batch_points / peer.batch_seconds),
                        note="the Python client's own per-request cost bounds both")
    bench_result.report("single", f"real mlflow client {version}, log_metric ({SINGLE} calls)",
                        ours.single_calls / ours.single_seconds, "calls/s",
                        peer=("mlflow server, same client", peer.single_calls / peer.single_seconds))


if __name__ == "__main__":
    main()
