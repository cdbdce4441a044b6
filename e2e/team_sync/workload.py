"""The runs the proof pushes: real-looking training curves (a decaying loss with noise, a rising
accuracy, a warm-up/cosine learning rate, a spiky gradient norm) with NaN and ±Infinity here and
there, timestamps that advance irregularly, params, tags, dataset inputs and artifacts. Seeded,
so a failure replays. Shared by the pytest suite and bench/push-throughput.py.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from pathlib import Path

KEYS = ("train/loss", "val/accuracy", "lr", "grad_norm")
T0 = 1_760_000_000_000


@dataclass
class RunData:
    name: str
    params: dict[str, str]
    tags: dict[str, str]
    # Per key: the points as the native API takes them (key, value, step, timestamp).
    points: list[dict] = field(default_factory=list)
    artifacts: dict[str, bytes] = field(default_factory=dict)
    # The dataset refs given to the native API once logged (log_run).
    inputs: list[dict] = field(default_factory=list)

    def count(self, key: str) -> int:
        return sum(1 for p in self.points if p["key"] == key)


def _wire(v: float) -> float | str:
    """NaN and ±Infinity as the native API's JSON takes them."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def _curve(key: str, step: int, steps: int, rng: random.Random) -> float:
    t = step / steps
    if key == "train/loss":
        return 2.5 * math.exp(-5 * t) + 0.05 + rng.gauss(0, 0.02)
    if key == "val/accuracy":
        return min(1.0, 0.1 + 0.85 * (1 - math.exp(-6 * t)) + rng.gauss(0, 0.005))
    if key == "lr":
        warm = min(1.0, step / (steps * 0.05 + 1))
        return 3e-4 * warm * 0.5 * (1 + math.cos(math.pi * t))
    return abs(rng.lognormvariate(0, 0.6)) * (20 if rng.random() < 0.001 else 1)


def make_run(index: int, steps_per_key: int, seed: int = 12) -> RunData:
    """One run: len(KEYS) × steps_per_key points, a few of them NaN or ±Infinity (a diverged
    batch), timestamps 20–80 ms apart with the odd pause."""
    rng = random.Random(seed * 1000 + index)
    run = RunData(
        name=f"resnet-{index}",
        params={"lr": "0.0003", "batch_size": str(64 * (index + 1)), "optimizer": "adamw", "seed": str(index),
                "model.depth": "50", "notes": "a param with spaces, ünïcode and = signs"},
        tags={"team": "vision", "stage": "baseline" if index == 0 else "sweep", "runlens.proof": "team-sync",
              "description": f"run {index} of the team sync proof"},
    )
    for key in KEYS:
        ts = T0 + index * 10_000_000
        for step in range(steps_per_key):
            ts += rng.randint(20, 80) + (5_000 if rng.random() < 0.0005 else 0)
            v = _curve(key, step, steps_per_key, rng)
            if key == "grad_norm" and step % 9973 == 500:
                v = math.inf if step % 2 else -math.inf
            elif key == "train/loss" and step % 7919 == 100:
                v = math.nan
            run.points.append({"key": key, "value": _wire(v), "step": step, "timestamp": ts})
    blob = rng.randbytes(300_000)
    run.artifacts = {
        "README.txt": f"run {index}: résumé of the team sync proof\n".encode(),
        "config/train.yaml": f"lr: 0.0003\nbatch_size: {64 * (index + 1)}\n".encode(),
        "checkpoints/epoch-3/weights.bin": blob,
        "checkpoints/empty.bin": b"",
    }
    return run


def dataset_inputs(folder: Path, index: int) -> list[dict]:
    """A CSV named by path (Runlens digests and reads its schema) and a digest-only ref."""
    csv = folder / f"train-{index}.csv"
    csv.write_text("x,y,label\n" + "".join(f"{i * 0.5},{i % 7},{'cat' if i % 2 else 'dog'}\n" for i in range(200)))
    return [
        {"path": str(csv), "name": "train-split", "context": "training"},
        {"digest": f"d1g35t{index:04d}", "name": "imagenet-val", "source": "s3://team-bucket/imagenet/val",
         "context": "eval", "schema": [{"name": "image", "type": "string"}, {"name": "label", "type": "int64"}], "rows": 50_000},
    ]


def log_run(runlens, experiment: str, run: RunData, folder: Path, index: int, finish: bool = True) -> str:
    """Writes one run into Runlens through its native API; returns the local run id."""
    run_id = runlens.create_run(experiment, run.name, params=run.params, tags=run.tags)
    runlens.log_points(run_id, run.points)
    run.inputs = dataset_inputs(folder, index)
    runlens.add_inputs(run_id, run.inputs)
    for path, data in run.artifacts.items():
        runlens.put_artifact(run_id, path, data)
    if finish:
        runlens.finish(run_id)
    return run_id
