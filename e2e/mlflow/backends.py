"""The two backends as the tests see them, and Runlens's native API for cross-checks."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Any

import mlflow
import mlflow.tracking.fluent as fluent
import requests
from mlflow import MlflowClient

from servers import Server

BACKENDS = ("mlflow_server", "runlens")


class Native:
    """Runlens's own API (src-shared/contract.ts), to check what the MLflow routes stored."""

    def __init__(self, server: Server):
        self.url = server.url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {server.token}"

    def _get(self, path: str, **params: Any) -> Any:
        r = self.session.get(f"{self.url}{path}", params=params, timeout=30)
        assert r.status_code == 200, f"GET {path} -> {r.status_code} {r.text[:500]}"
        return r.json()

    def runs(self) -> list[dict]:
        return self._get("/api/v1/runs")["runs"]

    def run(self, run_id: str) -> dict:
        return self._get(f"/api/v1/runs/{run_id}")["run"]

    def series(self, run_id: str, key: str) -> dict:
        return self._get(f"/api/v1/runs/{run_id}/metrics/{requests.utils.quote(key, safe='')}", points=20000)


@dataclass
class Backend:
    server: Server

    @property
    def name(self) -> str:
        return self.server.name

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def native(self) -> Native | None:
        return Native(self.server) if self.server.name == "runlens" else None

    def activate(self) -> MlflowClient:
        """Points the process-wide MLflow client at this server. The real mlflow server runs
        without auth, so it gets no token (what a user of a plain `mlflow server` would have)."""
        reset_client_state()
        mlflow.set_tracking_uri(self.url)
        if self.server.token:
            os.environ["MLFLOW_TRACKING_TOKEN"] = self.server.token
        else:
            os.environ.pop("MLFLOW_TRACKING_TOKEN", None)
        return MlflowClient(tracking_uri=self.url)

    def new_experiment(self, prefix: str = "exp", tags: dict | None = None) -> str:
        """A fresh experiment per test keeps searches and names independent of other tests."""
        return MlflowClient().create_experiment(unique(prefix), tags=tags)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def reset_client_state() -> None:
    """The fluent API keeps an active run stack, an active experiment (also mirrored into
    MLFLOW_EXPERIMENT_ID) and autologging hooks across calls; none may leak between backends."""
    while mlflow.active_run() is not None:
        mlflow.end_run()
    fluent._active_experiment_id = None
    fluent._last_active_run_id.set(None)
    fluent._last_logged_model_id.set(None)
    for var in ("MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID", "MLFLOW_ACTIVE_MODEL_ID"):
        os.environ.pop(var, None)
