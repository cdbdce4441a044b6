"""What `run.log` costs a training loop: the Python client (clients/python) logging POINTS points
from a plain loop to a fresh `runlens serve`. Prints figures; asserts nothing but that every
point arrived.

    npm run bench:python-client      (builds, then runs this with .venv/bin/python)

Figures: the mean time one `run.log({"loss": v}, step=i)` call adds over the same loop that only
builds the dict (µs per call); the time `run.finish()` then takes to drain what the background
thread has not yet sent; and, from a second run that times each call on its own, the p50 / p99 /
p99.9 / max of a single call — the loop must never wait long for the server; then the same
loop with the server gone, written to the spool folder instead. Sizes:
CLIENT_BENCH_POINTS (default 1,000,000), CLIENT_BENCH_SAMPLED (default 200,000).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from array import array
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "clients" / "python"))
sys.path.insert(0, str(REPO / "e2e" / "pyshared"))

import runlens  # noqa: E402
from runlens_proc import runlens_serve  # noqa: E402

POINTS = int(os.environ.get("CLIENT_BENCH_POINTS", 1_000_000))
SAMPLED = int(os.environ.get("CLIENT_BENCH_SAMPLED", 200_000))


def empty_loop(n: int) -> float:
    started = time.perf_counter()
    for i in range(n):
        ({"loss": i * 1e-6}, i)
    return time.perf_counter() - started


def logging_loop(run, n: int) -> float:
    started = time.perf_counter()
    for i in range(n):
        run.log({"loss": i * 1e-6}, step=i)
    return time.perf_counter() - started


def per_call(run, n: int) -> array:
    took = array("q", bytes(8 * n))
    clock = time.perf_counter_ns
    for i in range(n):
        t = clock()
        run.log({"loss": i * 1e-6}, step=i)
        took[i] = clock() - t
    return took


def quantile(sorted_ns: list[int], q: float) -> float:
    return sorted_ns[min(len(sorted_ns) - 1, int(q * len(sorted_ns)))] / 1000


def timed_run(name: str) -> tuple[str, float, float]:
    """A run of POINTS points: its id, the logging loop's seconds, and finish()'s (the drain)."""
    run = runlens.init(experiment="bench", name=name)
    logged = logging_loop(run, POINTS)
    started = time.perf_counter()
    run.finish()
    return run.id, logged, time.perf_counter() - started


def report(label: str, logged: float, baseline: float, drain: float) -> None:
    print(f"{label}: run.log x {POINTS:,} from a loop: {logged:.2f} s, empty loop {baseline:.2f} s")
    print(f"  time added per call: {(logged - baseline) / POINTS * 1e6:.2f} µs (mean), {POINTS / logged:,.0f} calls/s")
    print(f"  run.finish() drain: {drain * 1000:.0f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="runlens-client-bench-") as tmp:
        spool = Path(tmp) / "spool"
        with runlens_serve(Path(tmp) / "data") as server:
            # The client looks the server up at each init.
            os.environ.update(RUNLENS_URL=server.url, RUNLENS_TOKEN=server.token, RUNLENS_SPOOL=str(spool))
            baseline = empty_loop(POINTS)
            run_id, logged, drain = timed_run("overhead")
            stored = {m["key"]: m["count"] for m in server.run(run_id)["metrics"]}
            assert stored == {"loss": POINTS}, f"the server stored {stored}, expected {POINTS} points"

            sampled_run = runlens.init(experiment="bench", name="per-call")
            took = sorted(per_call(sampled_run, SAMPLED))
            sampled_run.finish()
        # The server is gone: the same loop, written to the spool folder instead.
        spool_id, spooled, spool_drain = timed_run("offline")
        with open(spool / spool_id / "metrics.jsonl", "rb") as f:
            lines = sum(1 for _ in f)
        assert lines == POINTS, f"the spool holds {lines} points, expected {POINTS}"

    report("HTTP", logged, baseline, drain)
    print(f"  single calls ({SAMPLED:,}, each timed): p50 {quantile(took, 0.5):.1f} µs, p99 {quantile(took, 0.99):.1f} µs, "
          f"p99.9 {quantile(took, 0.999):.1f} µs, max {took[-1] / 1000:.0f} µs")
    report("spool (no server)", spooled, baseline, spool_drain)


if __name__ == "__main__":
    main()
