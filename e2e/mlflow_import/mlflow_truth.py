"""What `mlflow.MlflowClient` reads back from a store, and the checks that Runlens serves the same."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mlflow import MlflowClient
from mlflow.entities import Run, ViewType

from conftest import MlflowStore
from runlens_proc import Runlens

# Runlens has no SCHEDULED state: a scheduled run shows as RUNNING.
STATUS = {"RUNNING": "RUNNING", "SCHEDULED": "RUNNING", "FINISHED": "FINISHED", "FAILED": "FAILED", "KILLED": "KILLED"}


@dataclass
class Truth:
    runs: dict[str, Run] = field(default_factory=dict)
    experiment_names: dict[str, str] = field(default_factory=dict)
    experiments: dict[str, object] = field(default_factory=dict)
    history: dict[tuple[str, str], list] = field(default_factory=dict)

    @property
    def point_count(self) -> int:
        return sum(len(h) for h in self.history.values())


def read_truth(store: MlflowStore) -> Truth:
    client = MlflowClient(tracking_uri=store.uri)
    t = Truth()
    for e in client.search_experiments(view_type=ViewType.ALL):
        t.experiment_names[e.experiment_id] = e.name
        t.experiments[e.name] = e
    for r in client.search_runs(list(t.experiment_names), run_view_type=ViewType.ALL, max_results=50_000):
        run = client.get_run(r.info.run_id)
        t.runs[run.info.run_id] = run
        for key in run.data.metrics:
            t.history[(run.info.run_id, key)] = client.get_metric_history(run.info.run_id, key)
    return t


def wire(value: float, store: MlflowStore):
    """A metric value as Runlens's API writes it (NaN and ±Infinity as strings)."""
    if math.isnan(value):
        return "NaN"
    # The SQL store cannot hold ±inf and writes ±DBL_MAX instead; Runlens reads those back as
    # the ±Infinity that was logged, so that is what it must serve.
    if store.kind == "db" and abs(value) == sys.float_info.max:
        value = math.copysign(math.inf, value)
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def check_run(rl: Runlens, truth: Truth, store: MlflowStore, run_id: str) -> None:
    want = truth.runs[run_id]
    info = want.info
    got = rl.run(run_id)
    where = f"run {run_id} ({info.run_name})"
    assert got["name"] == info.run_name, where
    assert got["experiment"] == truth.experiment_names[info.experiment_id], where
    assert got["userId"] == info.user_id, where
    assert got["status"] == STATUS[info.status], where
    assert got["startTime"] == info.start_time, where
    assert got["endTime"] == info.end_time, where
    assert got["lifecycleStage"] == info.lifecycle_stage, where
    assert got["sourceKind"] == store.source_kind, where
    assert got["params"] == want.data.params, where
    assert got["tags"] == want.data.tags, where
    if store.kind == "db":
        assert got["sourcePath"] == str(store.folder / "mlflow.db"), where
        assert got["artifactUri"] == info.artifact_uri, where
    else:
        run_dir = Path(got["sourcePath"])
        assert (run_dir.name, run_dir.parent.name) == (run_id, info.experiment_id), where
        assert run_dir.is_relative_to(store.folder / "mlruns"), where
        assert Path(got["artifactUri"]) == run_dir / "artifacts", where
    # The run page lists files from artifactUri: the logged file must be there.
    if info.run_name.startswith("parent"):
        assert (Path(got["artifactUri"]) / "note.txt").read_text() == "an artifact\n", where

    summaries = {m["key"]: m for m in got["metrics"]}
    assert set(summaries) == set(want.data.metrics), where
    for key, latest in want.data.metrics.items():
        history = truth.history[(run_id, key)]
        series = rl.series(run_id, key)
        assert series["total"] == len(history) and not series["downsampled"], f"{where} {key}"
        got_points = sorted(zip(series["step"], series["timestamp"], series["value"]), key=repr)
        want_points = sorted(((m.step, m.timestamp, wire(m.value, store)) for m in history), key=repr)
        assert got_points == want_points, f"{where} {key}"
        assert summaries[key]["last"] == wire(latest, store), f"{where} {key}"
        assert summaries[key]["count"] == len(history), f"{where} {key}"

    got_inputs = rl.mlflow("runs/get", run_id=run_id)["run"].get("inputs", {}).get("dataset_inputs", [])
    want_inputs = [
        {
            "name": i.dataset.name,
            "digest": i.dataset.digest,
            "source_type": i.dataset.source_type,
            "source": i.dataset.source,
            "schema": i.dataset.schema or None,
            "profile": i.dataset.profile or None,
            "tags": {t.key: t.value for t in i.tags},
        }
        for i in want.inputs.dataset_inputs
    ]
    got_flat = [
        {**{k: d["dataset"].get(k) for k in ("name", "digest", "source_type", "source", "schema", "profile")}, "tags": {t["key"]: t["value"] for t in d.get("tags", [])}}
        for d in got_inputs
    ]
    assert sorted(got_flat, key=repr) == sorted(want_inputs, key=repr), where


def check_experiments(rl: Runlens, truth: Truth) -> None:
    for name, want in truth.experiments.items():
        got = rl.mlflow("experiments/get-by-name", experiment_name=name)["experiment"]
        assert got["lifecycle_stage"] == want.lifecycle_stage, name
        got_tags = {t["key"]: t["value"] for t in got.get("tags", [])}
        assert want.tags.items() <= got_tags.items(), name


def check_store(rl: Runlens, truth: Truth, store: MlflowStore) -> None:
    """Every run and experiment of the store, and the runs list (active runs only)."""
    for run_id in truth.runs:
        check_run(rl, truth, store, run_id)
    check_experiments(rl, truth)
    listed = {r["id"] for r in rl.get("/api/v1/runs")["runs"]}
    assert listed == {i for i, r in truth.runs.items() if r.info.lifecycle_stage == "active"}
