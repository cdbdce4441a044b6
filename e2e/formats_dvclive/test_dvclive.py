"""DVCLive folders written by the real dvclive package, read by `runlens ingest` and `serve --watch`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import py_float, read_table, run_id, runlens_serve, wire
from runlens_proc import runlens_ingest

LOGGER = Path(__file__).resolve().parent / "log_dvclive.py"
HISTORIES = {"loss": "loss.tsv", "train/acc": "train/acc.tsv", "val/deep/loss": "val/deep/loss.tsv"}


def log(folder: Path, *args: str, **popen):
    cmd = [sys.executable, str(LOGGER), str(folder), *args]
    env = {"DVC_NO_ANALYTICS": "1", "DVCLIVE_OPEN": "false", "PATH": "/usr/bin:/bin"}
    if popen:
        return subprocess.Popen(cmd, cwd=folder.parent, env=env, **popen)
    subprocess.run(cmd, cwd=folder.parent, env=env, check=True, capture_output=True, timeout=240)
    return None


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project folder holding `dvclive/`, as DVCLive's default dir."""
    root = tmp_path_factory.mktemp("dvclive-project")
    log(root / "dvclive", "full")
    return root


def expected_history(dvclive: Path, key: str) -> list[tuple]:
    """(step, value, timestamp or None) of a history, read from the TSV dvclive wrote."""
    rows = read_table(dvclive / "plots" / "metrics" / HISTORIES[key], sep="\t")
    leaf = key.split("/")[-1]
    return [(int(r["step"]), wire(py_float(r[leaf])), int(r["timestamp"]) if "timestamp" in r else None) for r in rows]


def check_run(runlens, dvclive: Path) -> None:
    rid = run_id("dvclive", dvclive)
    run = runlens.run(rid)
    assert run["sourceKind"] == "dvclive"
    assert run["sourcePath"] == str(dvclive)
    assert run["experiment"] == dvclive.parent.name
    assert run["name"] == "dvclive"
    # dvclive leaves no end marker in its folder: see DvcliveSource.
    assert run["status"] == "RUNNING"
    # params.yaml flattened with dots; values as the YAML text dvclive wrote.
    assert run["params"] == {"lr": "0.01", "optimizer.name": "sgd", "optimizer.momentum": "0.9", "epochs": "4", "layers": "[64,32]", "use_bn": "true"}
    for key in HISTORIES:
        want = expected_history(dvclive, key)
        series = runlens.series(rid, key)
        assert series["total"] == len(want), key
        assert list(zip(series["step"], series["value"])) == [(s, v) for s, v, _ in want], key
        if want[0][2] is not None:
            assert series["timestamp"] == [t for _, _, t in want], key
    # The fixture logged what it meant to: NaN, ±inf and steps from next_step().
    assert [v for _, v, _ in expected_history(dvclive, "loss")] == [0.9, "NaN", 0.5, 0.25]
    assert [v for _, v, _ in expected_history(dvclive, "val/deep/loss")] == [1.5, 1.25, "-Infinity", 0.75]
    # A plot=False metric lives only in metrics.json: one point at the summary's step.
    summary = json.loads((dvclive / "metrics.json").read_text())
    assert runlens.points(rid, "test/score") == [(summary["step"], summary["test"]["score"])]
    assert sorted(m["key"] for m in run["metrics"]) == sorted([*HISTORIES, "test/score"])


def test_ingest_reads_every_value_and_a_second_ingest_adds_nothing(project, tmp_path):
    data = tmp_path / "data"
    runs, points, problems = runlens_ingest(project, data)
    assert (runs, points, problems) == (1, 3 * 4 + 1, [])
    assert runlens_ingest(project, data)[1:] == (0, [])
    with runlens_serve(data) as runlens:
        check_run(runlens, project / "dvclive")


def test_serve_watch_imports_the_folder(project, tmp_path):
    with runlens_serve(tmp_path / "data", project) as runlens:
        runlens.wait_for("the dvclive run", lambda: len(runlens.runs()), 1)
        check_run(runlens, project / "dvclive")


def test_live_logging_shows_up_while_dvclive_runs(tmp_path):
    root = tmp_path / "live-project"
    root.mkdir()
    dvclive = root / "dvclive"
    go = tmp_path / "go"
    with runlens_serve(tmp_path / "data", root) as runlens:
        proc = log(dvclive, "live", str(go), "5", "7", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            rid = run_id("dvclive", dvclive)
            # The writer is paused mid-run: what it wrote so far must be there already.
            runlens.wait_for("the first 5 points", lambda: runlens.series(rid, "loss")["total"], 5)
            assert proc.poll() is None
            assert runlens.run(rid)["params"] == {"mode": "live"}
            go.touch()
            assert proc.wait(timeout=120) == 0, proc.stderr.read()
        finally:
            if proc.poll() is None:
                proc.kill()
        runlens.wait_for("all 12 points", lambda: runlens.series(rid, "loss")["total"], 12)
        want = expected_history(dvclive, "loss")
        series = runlens.series(rid, "loss")
        assert list(zip(series["step"], series["value"], series["timestamp"])) == want
        assert series["step"] == list(range(12))
    # A later one-shot ingest into the same data adds nothing.
    assert runlens_ingest(root, tmp_path / "data")[1] == 0


def test_a_new_live_over_the_folder_adds_no_duplicate_steps(tmp_path):
    root = tmp_path / "restart"
    root.mkdir()
    dvclive = root / "dvclive"
    data = tmp_path / "data"
    log(dvclive, "full")
    assert runlens_ingest(root, data)[1] == 13
    # Live() without resume clears the folder and logs steps 0..3 again.
    log(dvclive, "full")
    runs, points, problems = runlens_ingest(root, data)
    assert points == 0
    assert all("keeping only points beyond the steps already stored" in p for p in problems)
    with runlens_serve(data) as runlens:
        assert runlens.series(run_id("dvclive", dvclive), "loss")["total"] == 4
