"""`runlens ingest` of folders tensorboardX wrote: runs, names, params and every value."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import assert_run_matches, run_folders, runlens_serve
from runlens_proc import runlens_ingest
from tb_fixtures import HPARAMS, SPARSE_STEPS


def expected_names(logdir: Path) -> dict[str, str]:
    return {str(f): f.relative_to(logdir).as_posix() for f in run_folders(logdir)}


def test_every_value_tensorboard_reads_is_served(logdir, tmp_path):
    folders = run_folders(logdir)
    runs, points, problems = runlens_ingest(logdir, tmp_path / "data")
    assert problems == []
    assert runs == len(folders)
    with runlens_serve(tmp_path / "data") as runlens:
        served = runlens.tb_runs()
        assert set(served) == {str(f) for f in folders}
        compared = sum(assert_run_matches(runlens, served[str(f)], f) for f in folders)
    assert compared == points
    # Every kind of series made it: plain, special values, huge sparse steps, add_scalars, TF2 tensors.
    assert compared > 300 * 4 + len(SPARSE_STEPS) + 50 * 5


def test_runs_are_folders_named_under_the_root(logdir, tmp_path):
    runlens_ingest(logdir, tmp_path / "data")
    with runlens_serve(tmp_path / "data") as runlens:
        served = runlens.tb_runs()
    names = expected_names(logdir)
    assert {path: run["name"] for path, run in served.items()} == names
    assert {"run_a/train", "run_a/eval", "run_a/train/losses/train", "run_a/train/losses/val", "run_a/train/hp", "run_b", "tf2_style"} <= set(names.values())
    assert {run["experiment"] for run in served.values()} == {"tb_logs"}
    # Files just written: the runs are still RUNNING; the run started when its first file was opened.
    assert {run["status"] for run in served.values()} == {"RUNNING"}
    for path, run in served.items():
        first = min(p for p in Path(path).iterdir() if "tfevents" in p.name)
        assert abs(run["startTime"] / 1000 - first.stat().st_mtime) < 600


def test_hparams_become_params_of_their_run(logdir, tmp_path):
    runlens_ingest(logdir, tmp_path / "data")
    with runlens_serve(tmp_path / "data") as runlens:
        served = runlens.tb_runs()
    hp = served[str(logdir / "run_a" / "train" / "hp")]
    assert hp["params"] == {"lr": "0.001", "batch_size": "32", "optimizer": "adam", "augment": "true"}
    assert set(HPARAMS) == set(hp["params"])
    assert [m["key"] for m in hp["metrics"]] == ["hparam/final_acc"]
    assert served[str(logdir / "run_a" / "train")]["params"] == {}


def test_a_second_ingest_adds_nothing(logdir, tmp_path):
    first = runlens_ingest(logdir, tmp_path / "data")
    assert first[1] > 0
    assert runlens_ingest(logdir, tmp_path / "data") == (first[0], 0, [])


def test_quiet_runs_are_finished(logdir, tmp_path):
    import shutil

    copy = tmp_path / "old_logs"
    shutil.copytree(logdir / "run_b", copy / "run_b")
    hour_ago = time.time() - 3600
    for f in (copy / "run_b").iterdir():
        os.utime(f, (hour_ago, hour_ago))
    runlens_ingest(copy, tmp_path / "data")
    with runlens_serve(tmp_path / "data") as runlens:
        run = runlens.tb_runs()[str(copy / "run_b")]
    assert run["status"] == "FINISHED"
    assert abs(run["endTime"] / 1000 - hour_ago) < 1
    assert run["metrics"][0]["count"] == 200


def test_serve_watch_serves_the_same_values(logdir, tmp_path):
    with runlens_serve(tmp_path / "data", logdir) as runlens:
        folders = run_folders(logdir)
        runlens.wait_for("every run", lambda: len(runlens.tb_runs()), len(folders))
        served = runlens.tb_runs()
        for f in folders:
            assert_run_matches(runlens, served[str(f)], f)
        assert runlens.get("/api/v1/watch")["roots"][0]["problems"] == []
