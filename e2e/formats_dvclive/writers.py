"""Other loggers' files, written with the same Python calls their own sources make.

The real writers need torch (Lightning, transformers) or TensorFlow (Keras), which this suite
does not install; each class below follows the named source closely enough that the bytes on
disk are the same: the csv module's DictWriter with the excel dialect, PyYAML's dump, json.dumps.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import yaml


class LightningExperimentWriter:
    """lightning/fabric/loggers/csv_logs.py `_ExperimentWriter` (Lightning 2.x): rows buffered by
    log_metrics, written by save(); keys kept sorted; when a new key appears and the file exists,
    `_rewrite_with_new_header` reads every row back and writes the file again under the new
    header, then the buffered rows are appended."""

    NAME_METRICS_FILE = "metrics.csv"

    def __init__(self, log_dir: Path):
        self.metrics: list[dict] = []
        self.metrics_keys: list[str] = []
        self.log_dir = log_dir
        log_dir.mkdir(parents=True, exist_ok=True)
        self.metrics_file_path = os.path.join(log_dir, self.NAME_METRICS_FILE)

    def log_hparams(self, params: dict) -> None:
        # lightning/pytorch/core/saving.py save_hparams_to_yaml: yaml.dump of the dict.
        with open(self.log_dir / "hparams.yaml", "w", newline="") as fp:
            yaml.dump(params, fp)

    def log_metrics(self, metrics_dict: dict, step: int | None = None) -> None:
        if step is None:
            step = len(self.metrics)
        metrics = dict(metrics_dict)
        metrics["step"] = step
        self.metrics.append(metrics)

    def save(self) -> None:
        if not self.metrics:
            return
        new_keys = self._record_new_keys()
        file_exists = os.path.isfile(self.metrics_file_path)
        if new_keys and file_exists:
            self._rewrite_with_new_header(self.metrics_keys)
        with open(self.metrics_file_path, mode=("a" if file_exists else "w"), newline="") as file:
            writer = csv.DictWriter(file, fieldnames=self.metrics_keys)
            if not file_exists:
                writer.writeheader()
            writer.writerows(self.metrics)
        self.metrics = []

    def _record_new_keys(self) -> set:
        current_keys = set().union(*self.metrics)
        new_keys = current_keys - set(self.metrics_keys)
        self.metrics_keys.extend(new_keys)
        self.metrics_keys.sort()
        return new_keys

    def _rewrite_with_new_header(self, fieldnames: list[str]) -> None:
        with open(self.metrics_file_path, "r", newline="") as file:
            metrics = list(csv.DictReader(file))
        with open(self.metrics_file_path, "w", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=fieldnames)
            writer.writeheader()
            writer.writerows(metrics)


class KerasCSVLogger:
    """keras/src/callbacks/csv_logger.py `CSVLogger`: the header (`epoch` + sorted keys) with the
    first epoch, then a row per epoch, flushed; `NA` for a key an epoch did not log."""

    def __init__(self, filename: Path, separator: str = ",", append: bool = False):
        self.sep, self.filename, self.append = separator, filename, append
        self.writer = None
        self.keys = None
        self.append_header = True

    def on_train_begin(self) -> None:
        if self.append and self.filename.exists():
            with open(self.filename, "r") as f:
                self.append_header = not bool(len(f.readline()))
            mode = "a"
        else:
            mode = "w"
        self.csv_file = open(self.filename, mode)

    def on_epoch_end(self, epoch: int, logs: dict) -> None:
        if self.keys is None:
            self.keys = sorted(logs.keys())
        if not self.writer:
            class CustomDialect(csv.excel):
                delimiter = self.sep

            self.writer = csv.DictWriter(self.csv_file, fieldnames=["epoch"] + self.keys, dialect=CustomDialect)
            if self.append_header:
                self.writer.writeheader()
        row = {"epoch": epoch}
        row.update((key, logs.get(key, "NA")) for key in self.keys)
        self.writer.writerow(row)
        self.csv_file.flush()

    def on_train_end(self) -> None:
        self.csv_file.close()
        self.writer = None


def save_trainer_state(path: Path, state: dict) -> None:
    """transformers/trainer_callback.py `TrainerState.save_to_json`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    json_string = json.dumps(state, indent=2, sort_keys=True) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(json_string)


def trainer_state(global_step: int, max_steps: int, log_history: list[dict], **extra) -> dict:
    """The fields of `TrainerState` as dataclasses.asdict gives them (transformers 4.4x)."""
    return {
        "best_global_step": None,
        "best_metric": None,
        "best_model_checkpoint": None,
        "epoch": log_history[-1]["epoch"] if log_history else 0,
        "eval_steps": 2,
        "global_step": global_step,
        "is_hyper_param_search": False,
        "is_local_process_zero": True,
        "is_world_process_zero": True,
        "log_history": log_history,
        "logging_steps": 1,
        "max_steps": max_steps,
        "num_input_tokens_seen": 0,
        "num_train_epochs": 2,
        "save_steps": 2,
        "stateful_callbacks": {"TrainerControl": {"args": {"should_save": True}, "attributes": {}}},
        "total_flos": 0,
        "train_batch_size": 8,
        "trial_name": None,
        "trial_params": None,
        **extra,
    }
