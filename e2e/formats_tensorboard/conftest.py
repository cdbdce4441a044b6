"""Proves `runlens ingest` and `runlens serve --watch` read TensorBoard event folders faithfully.

The folders are written during the run by the real tensorboardX SummaryWriter (tb_fixtures.py);
every value Runlens serves is checked against what TensorBoard's own EventAccumulator reads
from the same folder (tb_truth.py).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from runlens_proc import Runlens, built  # noqa: F401  (built: autouse, fails at once without a build)
from runlens_proc import runlens_serve as serve
from tb_fixtures import write_all
from tb_truth import read_run, run_folders

_WIRE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


@pytest.fixture(scope="session")
def logdir(tmp_path_factory) -> Path:
    """The fixture runs, written once per session under a folder named `tb_logs`."""
    root = tmp_path_factory.mktemp("written") / "tb_logs"
    write_all(root)
    return root


def from_wire(v) -> float:
    return _WIRE[v] if isinstance(v, str) else float(v)


class TensorBoardRunlens(Runlens):
    WAIT_POLL = 0.1

    def tb_runs(self) -> dict[str, dict]:
        """The TensorBoard runs served, by source folder."""
        return {r["sourcePath"]: r for r in self.get("/api/v1/runs")["runs"] if r["sourceKind"] == "tensorboard"}

    def points(self, run_id: str, key: str) -> list[tuple[int, float, float]]:
        s = self.series(run_id, key)
        assert not s["downsampled"], key
        return [(int(st), ts, from_wire(v)) for st, ts, v in zip(s["step"], s["timestamp"], s["value"])]

    def count(self, folder: Path, key: str) -> int:
        run = self.tb_runs().get(str(folder))
        metric = next((m for m in run["metrics"] if m["key"] == key), None) if run else None
        return metric["count"] if metric else 0


def runlens_serve(data: Path, *watch: Path):
    return serve(data, *watch, client=TensorBoardRunlens)


def same_value(a: float, b: float) -> bool:
    """Equal, NaN included. -0.0 equals 0.0: JSON has no negative zero."""
    return (math.isnan(a) and math.isnan(b)) or a == b


def assert_run_matches(runlens: Runlens, run: dict, folder: Path) -> int:
    """Every (step, wall time, value) TensorBoard reads from `folder` is what Runlens serves for
    the run, in step order; returns the number of points compared."""
    truth = read_run(folder)
    assert sorted(m["key"] for m in run["metrics"]) == sorted(truth), folder
    compared = 0
    for tag, want in truth.items():
        got = runlens.points(run["id"], tag)
        want = sorted(want, key=lambda p: p[0])
        assert [p[0] for p in got] == [p[0] for p in want], f"{folder} {tag}: steps"
        for (step, ts, value), (_, wall, expected) in zip(got, want):
            assert abs(ts - wall * 1000) <= 0.5 + 1e-6 * abs(wall), f"{folder} {tag} step {step}: timestamp {ts} vs wall time {wall}"
            assert same_value(value, expected), f"{folder} {tag} step {step}: {value!r} vs {expected!r}"
        compared += len(want)
    return compared


__all__ = ["TensorBoardRunlens", "assert_run_matches", "read_run", "run_folders", "runlens_serve", "same_value"]
