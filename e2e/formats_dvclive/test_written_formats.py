"""Lightning CSVLogger, Keras CSVLogger and HF Trainer files (written by writers.py, see there),
read by `runlens ingest` and `runlens serve --watch`, every value checked through the API."""

from __future__ import annotations

import math
from pathlib import Path

from conftest import py_float, read_table, run_id, runlens_serve, wire
from runlens_proc import runlens_ingest
from writers import KerasCSVLogger, LightningExperimentWriter, save_trainer_state, trainer_state


def lightning_expected(file: Path) -> dict[str, list[tuple]]:
    """(step, value) per key from the final metrics.csv: every non-empty cell but `step`."""
    out: dict[str, list[tuple]] = {}
    for row in read_table(file):
        for key, cell in row.items():
            if key != "step" and cell != "":
                out.setdefault(key, []).append((int(row["step"]), wire(py_float(cell))))
    return {k: sorted(v, key=lambda p: p[0]) for k, v in out.items()}


def check_series(runlens, rid: str, expected: dict[str, list[tuple]]) -> None:
    run = runlens.run(rid)
    assert sorted(m["key"] for m in run["metrics"]) == sorted(expected)
    for key, want in expected.items():
        assert runlens.points(rid, key) == want, key


def lightning_training(writer: LightningExperimentWriter, saves) -> None:
    """Three saves; a validation key and then a test key appear, so Lightning rewrites the file twice."""
    step = 0
    for n, keys in enumerate(saves):
        for _ in range(3):
            writer.log_metrics({"train_loss": math.nan if step == 4 else 1 / (step + 1), "epoch": n}, step)
            step += 1
        for key in keys:
            writer.log_metrics({key: 0.5 / (n + 1), "epoch": n}, step - 1)
        writer.save()
        yield


LIGHTNING_SAVES = [[], ["val_loss"], ["val_loss", "test_acc"]]


def test_lightning_rewrites_never_duplicate_through_ingest(tmp_path):
    root = tmp_path / "logs"
    vdir = root / "mnist" / "version_0"
    writer = LightningExperimentWriter(vdir)
    writer.log_hparams({"lr": 0.001, "model": {"depth": 18, "act": "relu"}, "batch_size": 32})
    data = tmp_path / "data"
    points = 0
    for _ in lightning_training(writer, LIGHTNING_SAVES):
        runs, new, problems = runlens_ingest(root, data)
        assert (runs, problems) == (1, [])
        points += new
    assert read_table(vdir / "metrics.csv")[0].keys() == {"epoch", "step", "test_acc", "train_loss", "val_loss"}
    expected = lightning_expected(vdir / "metrics.csv")
    assert points == sum(len(v) for v in expected.values())
    assert runlens_ingest(root, data)[1] == 0
    with runlens_serve(data) as runlens:
        rid = run_id("lightning-csv", vdir)
        run = runlens.run(rid)
        assert (run["name"], run["experiment"], run["sourceKind"], run["sourcePath"]) == ("mnist/version_0", "mnist", "lightning-csv", str(vdir))
        assert run["params"] == {"lr": "0.001", "model.depth": "18", "model.act": "relu", "batch_size": "32"}
        check_series(runlens, rid, expected)


def test_lightning_rewrites_never_duplicate_while_watched(tmp_path):
    root = tmp_path / "logs"
    root.mkdir()
    vdir = root / "lightning_logs" / "version_3"
    with runlens_serve(tmp_path / "data", root) as runlens:
        rid = run_id("lightning-csv", vdir)
        writer = LightningExperimentWriter(vdir)
        for _ in lightning_training(writer, LIGHTNING_SAVES):
            expected = lightning_expected(vdir / "metrics.csv")
            total = sum(len(v) for v in expected.values())
            runlens.wait_for("the saved rows", lambda: sum(m["count"] for m in runlens.run(rid)["metrics"]), total)
        check_series(runlens, rid, lightning_expected(vdir / "metrics.csv"))


def test_keras_csv_logger(tmp_path):
    root = tmp_path / "keras"
    root.mkdir()
    log = KerasCSVLogger(root / "training.log")
    log.on_train_begin()
    epochs = [
        {"loss": 0.7, "accuracy": 0.5},
        {"loss": math.nan, "accuracy": 0.6, "val_loss": 0.9, "val_accuracy": 0.55},
        {"loss": 0.3, "accuracy": math.inf, "val_loss": 0.8, "val_accuracy": 0.6},
    ]
    # validation_freq=2: the first epoch has no val_ keys; Keras adds them to the header anyway.
    log.keys = ["accuracy", "loss", "val_accuracy", "val_loss"]
    data = tmp_path / "data"
    for epoch, logs in enumerate(epochs):
        log.on_epoch_end(epoch, logs)
        assert runlens_ingest(root, data)[0] == 1
    log.on_train_end()
    assert runlens_ingest(root, data)[1] == 0
    with runlens_serve(data) as runlens:
        rid = run_id("keras-csv", root / "training.log")
        run = runlens.run(rid)
        assert (run["name"], run["experiment"], run["sourceKind"]) == ("training.log", "keras", "keras-csv")
        expected: dict[str, list[tuple]] = {}
        for row in read_table(root / "training.log"):
            for key, cell in row.items():
                if key != "epoch" and cell != "NA":
                    expected.setdefault(key, []).append((int(row["epoch"]), wire(py_float(cell))))
        assert expected["loss"] == [(0, 0.7), (1, "NaN"), (2, 0.3)]
        check_series(runlens, rid, expected)


def hf_history(up_to: int) -> list[dict]:
    """log_history as the Trainer builds it: a training entry per step, an eval entry every 2."""
    history = []
    for s in range(1, up_to + 1):
        history.append({"epoch": s / 4, "grad_norm": 1 / s, "learning_rate": 5e-5 * (1 - s / 8), "loss": math.nan if s == 3 else 1 / s, "step": s})
        if s % 2 == 0:
            history.append({"epoch": s / 4, "eval_loss": 2 / s, "eval_runtime": 0.1 * s, "step": s})
    return history


def test_hf_trainer_follows_checkpoints_and_the_final_state(tmp_path):
    root = tmp_path / "hf"
    out = root / "bert-ft"
    root.mkdir()
    data = tmp_path / "data"
    with runlens_serve(data, root) as runlens:
        rid = run_id("hf-trainer", out)
        for step in (2, 4, 6, 8):
            save_trainer_state(out / f"checkpoint-{step}" / "trainer_state.json", trainer_state(step, 8, hf_history(step), best_metric=2 / step, best_model_checkpoint=str(out / f"checkpoint-{step}")))
            runlens.wait_for(f"checkpoint {step}", lambda: runlens.series(rid, "loss")["total"], step)
        final = hf_history(8) + [{"epoch": 2.0, "step": 8, "total_flos": 1.5e12, "train_loss": 0.4, "train_runtime": 12.5, "train_samples_per_second": 40.1}]
        save_trainer_state(out / "trainer_state.json", trainer_state(8, 8, final, best_metric=0.25, best_model_checkpoint=str(out / "checkpoint-8")))
        runlens.wait_for("the final state", lambda: runlens.run(rid)["status"], "FINISHED")
        run = runlens.run(rid)
        assert run["tags"] == {"best_metric": "0.25", "best_model_checkpoint": str(out / "checkpoint-8"), "global_step": "8", "max_steps": "8"}
        assert (run["name"], run["experiment"], run["sourceKind"]) == ("bert-ft", "hf", "hf-trainer")
        expected: dict[str, list[tuple]] = {}
        last_epoch_step = None
        for entry in final:
            for key, value in entry.items():
                if key == "step" or (key == "epoch" and entry["step"] == last_epoch_step):
                    continue
                if key == "epoch":
                    last_epoch_step = entry["step"]
                expected.setdefault(key, []).append((entry["step"], wire(value)))
        runlens.wait_for("the train() summary", lambda: runlens.points(rid, "train_runtime") if "train_runtime" in [m["key"] for m in runlens.run(rid)["metrics"]] else None, [(8, 12.5)])
        check_series(runlens, rid, expected)
    assert runlens_ingest(root, data)[1] == 0
