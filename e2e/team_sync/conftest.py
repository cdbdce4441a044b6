"""The team-sync proof: Runlens pushes to and pulls from a real `mlflow server` on PostgreSQL.

One PostgreSQL cluster and one mlflow server serve the whole session (starting them costs ~10 s);
each test works in experiments of its own, so what one test pushed never meets another's. The
kill test SIGKILLs the server and starts it again on the same port, database and artifacts.
Each Runlens is a `runlens serve` on a fresh data folder, stopped when its test ends.
"""

from __future__ import annotations

import os

# Before mlflow is imported: no usage telemetry to an outside host, no retry back-off hiding
# errors, no tracking URI or token of the caller's.
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
os.environ["DO_NOT_TRACK"] = "true"
os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] = "120"
os.environ["MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT"] = "true"
for _var in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN", "MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID"):
    os.environ.pop(_var, None)

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import mlflow
import pytest
from mlflow import MlflowClient

from mlflow_remote import MlflowRemote, PostgresMlflow
from runlens_proc import built  # noqa: F401  (autouse: fails at once without a build)
from runlens_proc import runlens_serve
from sync_client import SyncRunlens

REMOTE = "team"


@pytest.fixture(scope="session")
def remote() -> Iterator[MlflowRemote]:
    with PostgresMlflow() as r:
        yield r


@pytest.fixture
def mlflow_client(remote: MlflowRemote) -> MlflowClient:
    """The real mlflow client on the remote (also the global tracking URI, which its artifact
    downloads of `mlflow-artifacts:` URIs resolve against)."""
    mlflow.set_tracking_uri(remote.url)
    return MlflowClient(tracking_uri=remote.url)


@contextmanager
def serve(data: Path, remote: MlflowRemote) -> Iterator[SyncRunlens]:
    """`runlens serve` on `data` with the remote added as REMOTE."""
    with runlens_serve(data, client=SyncRunlens) as rl:
        rl.add_remote(REMOTE, remote.url)
        yield rl


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test's report carries the tails of the mlflow server's and PostgreSQL's logs."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and "remote" in item.fixturenames:
        r = item.funcargs.get("remote")
        if r is not None:
            report.sections.append(("mlflow server and PostgreSQL logs", r.logs()))
