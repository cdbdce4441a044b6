"""Logs the fixture runs of the import suite with the real mlflow client.

    python log_fixtures.py TRACKING_URI            the full fixture set
    python log_fixtures.py TRACKING_URI --live DIR a run that logs while the test watches
    python log_fixtures.py TRACKING_URI --delete-experiment NAME

Run as its own process (mlflow keeps the tracking URI and the active run process-wide), with the
store's folder as working directory: a SQLite-backed store then keeps its artifacts in
`./mlruns/<experiment>/<run>/artifacts`, beside `mlflow.db`, as a real project does.
"""

from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path

# The file store is in maintenance mode since MLflow 3.7 and refuses to start without this.
os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"

import mlflow  # noqa: E402
import pandas as pd  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import Metric  # noqa: E402

EXPERIMENT = "import-e2e"
GONE_EXPERIMENT = "import-e2e-gone"
LIVE_EXPERIMENT = "import-e2e-live"
# Long enough for PyYAML to fold it across lines in meta.yaml.
LONG_RUN_NAME = "parent run " + " ".join(f"word{i}" for i in range(20))


def log_all() -> None:
    client = MlflowClient()
    exp_id = client.create_experiment(EXPERIMENT, tags={"team": "vision", "long": "t " * 120})
    mlflow.set_experiment(experiment_id=exp_id)

    with mlflow.start_run(run_name=LONG_RUN_NAME) as parent:
        mlflow.log_params({"lr": 0.001, "optimizer/name": "adam", "notes": "p " * 250, "flag": True})
        mlflow.set_tags({"stage": "dev", "mlflow.note.content": "first line\nsecond line"})
        for i in range(300):
            mlflow.log_metric("train/loss", math.exp(-i / 50), step=i)
        for step, value in enumerate([float("nan"), float("inf"), float("-inf"), 1.5]):
            mlflow.log_metric("diverge", value, step=step)
        for _ in range(3):
            mlflow.log_metric("no_step", 0.5)
        client.log_batch(parent.info.run_id, metrics=[Metric("batch/acc", i / 50, 1_700_000_000_000 + i, i) for i in range(50)])
        frame = pd.DataFrame({"x": [1, 2, 3], "y": [0.1, 0.2, 0.3]})
        mlflow.log_input(mlflow.data.from_pandas(frame, source="s3://bucket/train.csv", name="train-set"), context="training")
        mlflow.log_input(mlflow.data.from_pandas(frame.head(2), name="eval-set"), context="eval")
        artifact = Path("note.txt")
        artifact.write_text("an artifact\n")
        mlflow.log_artifact(str(artifact))
        with mlflow.start_run(run_name="child", nested=True) as child:
            mlflow.log_metric("child/score", 0.75, step=0)
        client.set_terminated(child.info.run_id, "FAILED")

    # A name PyYAML writes bare but a YAML 1.2 reader takes for the number 1000.
    quirky = client.create_run(exp_id, run_name="1e3")
    client.log_metric(quirky.info.run_id, "m", 2.0, step=5)
    client.set_terminated(quirky.info.run_id, "KILLED")

    running = client.create_run(exp_id, run_name="still-running")
    client.log_param(running.info.run_id, "seed", "7")
    client.log_metric(running.info.run_id, "m", 1.0, step=0)

    deleted = client.create_run(exp_id, run_name="deleted-run")
    client.log_metric(deleted.info.run_id, "m", 3.0, step=0)
    client.set_terminated(deleted.info.run_id)
    client.delete_run(deleted.info.run_id)

    gone_id = client.create_experiment(GONE_EXPERIMENT)
    gone = client.create_run(gone_id, run_name="in-deleted-experiment")
    client.log_metric(gone.info.run_id, "m", 4.0, step=0)
    client.set_terminated(gone.info.run_id)
    client.delete_experiment(gone_id)


def log_live(control: Path) -> None:
    """Logs 10 points, waits for the test to see them, logs 10 more, finishes."""
    mlflow.set_experiment(LIVE_EXPERIMENT)
    with mlflow.start_run(run_name="live") as run:
        print(run.info.run_id, flush=True)
        for i in range(10):
            mlflow.log_metric("live/loss", 1 / (i + 1), step=i)
        deadline = time.monotonic() + 120
        while not (control / "proceed").exists():
            if time.monotonic() > deadline:
                sys.exit("live logger: the test never said proceed")
            time.sleep(0.05)
        for i in range(10, 20):
            mlflow.log_metric("live/loss", 1 / (i + 1), step=i)
            time.sleep(0.02)


if __name__ == "__main__":
    mlflow.set_tracking_uri(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "--live":
        log_live(Path(sys.argv[3]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--delete-experiment":
        client = MlflowClient()
        client.delete_experiment(client.get_experiment_by_name(sys.argv[3]).experiment_id)
    else:
        log_all()
