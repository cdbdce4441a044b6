"""Proves `runlens ingest` and `runlens serve --watch` import MLflow's local stores faithfully.

The stores are written by the real `mlflow` package during the run (log_fixtures.py), once as a
file store (`mlruns/`) and once as SQLite (`mlflow.db`); every value Runlens serves is checked
against what `mlflow.MlflowClient` reads back from the same store.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
for _var in ("MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID"):
    os.environ.pop(_var, None)

import pytest  # noqa: E402

from runlens_proc import built  # noqa: E402, F401  (autouse: fails at once without a build)

HERE = Path(__file__).resolve().parent
LOGGER = HERE / "log_fixtures.py"


@dataclass
class MlflowStore:
    kind: str  # "file-store" or "db"
    folder: Path  # the folder holding mlruns/ or mlflow.db (and the db's artifacts)

    @property
    def uri(self) -> str:
        return f"file:{self.folder / 'mlruns'}" if self.kind == "file-store" else f"sqlite:///{self.folder / 'mlflow.db'}"

    @property
    def source_kind(self) -> str:
        return "mlflow-file-store" if self.kind == "file-store" else "mlflow-db"

    def paths(self) -> dict[str, Path]:
        """How a store can be named to `runlens ingest` / `--watch`: its folder, or the store itself
        (the `mlruns` folder, the `mlflow.db` file)."""
        own = self.folder / ("mlruns" if self.kind == "file-store" else "mlflow.db")
        return {"containing-folder": self.folder, "store-itself": own}


def log_with_mlflow(store: MlflowStore, *extra: str, **popen) -> subprocess.Popen | None:
    cmd = [sys.executable, str(LOGGER), store.uri, *extra]
    if popen:
        return subprocess.Popen(cmd, cwd=store.folder, **popen)
    subprocess.run(cmd, cwd=store.folder, check=True, capture_output=True, timeout=240)
    return None


@pytest.fixture(scope="session", params=["file-store", "db"])
def mlflow_store(request, tmp_path_factory) -> MlflowStore:
    store = MlflowStore(request.param, tmp_path_factory.mktemp(request.param))
    log_with_mlflow(store)
    return store


@pytest.fixture
def store_copy(mlflow_store, tmp_path) -> MlflowStore:
    """A private copy of the session store, for tests that write to it."""
    folder = tmp_path / "copy"
    shutil.copytree(mlflow_store.folder, folder)
    return MlflowStore(mlflow_store.kind, folder)
