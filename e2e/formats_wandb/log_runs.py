"""Writes W&B offline runs with the real `wandb` client and records what it logged.

    log_runs.py fixtures <dir>   several finished runs, then <dir>/truth.json
    log_runs.py live <dir>       one run logging in bursts until <dir>/stop exists, then truth-live.json

truth: one entry per run: W&B id, project, name, config, summary, exit code, and every value
logged per key as [step, value] (NaN and infinities as Python's json writes them).
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

import wandb


def run_one(root: Path, *, project, name, config, tags, steps, exit_code, summary, step_stride=1, nested=True, big=None):
    run = wandb.init(dir=str(root), mode="offline", project=project, name=name, config=config, tags=tags)
    logged: dict[str, list] = {}

    def log(row: dict, step: int):
        wandb.log(row, step=step)
        for k, v in row.items():
            if isinstance(v, dict):
                for k2, v2 in v.items():
                    logged.setdefault(f"{k}.{k2}", []).append([step, v2])
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                logged.setdefault(k, []).append([step, v])

    for i in range(steps):
        step = i * step_stride
        row = {"loss": math.exp(-i / 50) + (i % 7) * 1e-9, "train/acc": i / steps, "note": f"text {i}"}
        if i == 5:
            row["special"] = float("nan")
        elif i == 6:
            row["special"] = float("inf")
        elif i == 7:
            row["special"] = float("-inf")
        elif i % 10 == 0:
            row["special"] = -i * 1.25
        if nested:
            row["val"] = {"loss": 1.0 / (i + 1), "count": i}
        log(row, step)
    for k, v in summary.items():
        run.summary[k] = v
    info = {"id": run.id, "project": project, "name": name, "config": config, "tags": tags, "summary": summary, "exit_code": exit_code, "logged": logged}
    run.finish(exit_code=exit_code)
    return info


def fixtures(root: Path):
    runs = [
        run_one(
            root,
            project="e2e-wandb",
            name="alpha",
            config={"lr": 0.001, "optimizer": {"name": "adam", "betas": [0.9, 0.999], "eps": 1e-08}, "layers": 4, "label": "first"},
            tags=["e2e", "alpha"],
            steps=400,
            exit_code=0,
            summary={"best_acc": 0.97, "comment": "great"},
        ),
        run_one(root, project="e2e-wandb", name="beta", config={"lr": 0.1}, tags=[], steps=50, exit_code=2, summary={}, step_stride=10, nested=False),
        # A config of 70,000 bytes makes the run record span three blocks (FIRST, MIDDLE, LAST).
        run_one(root, project=None, name=None, config={"blob": "b" * 70_000, "seed": 7}, tags=[], steps=20, exit_code=0, summary={}),
    ]
    (root / "truth.json").write_text(json.dumps(runs))


def live(root: Path):
    run = wandb.init(dir=str(root), mode="offline", project="e2e-live", name="live", config={"lr": 0.5})
    logged: list = []
    step = 0
    # wandb-core writes the run log a whole 32 KiB block at a time (it never flushes a partial
    # block before the run ends): each burst of 250 rows (~60 KB) pushes at least one block out.
    for _ in range(240):
        for _ in range(250):
            value = 1.0 / (step + 1)
            wandb.log({"live/loss": value}, step=step)
            logged.append([step, value])
            step += 1
        if (root / "stop").exists():
            break
        time.sleep(0.5)
    run.finish()
    (root / "truth-live.json").write_text(json.dumps({"id": run.id, "logged": {"live/loss": logged}}))


if __name__ == "__main__":
    mode, where = sys.argv[1], Path(sys.argv[2])
    {"fixtures": fixtures, "live": live}[mode](where)
