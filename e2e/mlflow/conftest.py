"""Drives the real `mlflow` Python client against a real `mlflow server` and against `runlens serve`.

Every shared test takes the `backend` fixture, parametrised as `mlflow_server` and `runlens`, so
`-k mlflow_server` runs the suite against MLflow alone (it must pass there: the suite is the
spec) and `-k runlens` against Runlens. Tests named `*_across_backends` take both servers and
compare what the client sees on each.

A failing test's report carries the last HTTP exchanges the client made, so a Runlens failure
names the route and the answer it got.
"""

from __future__ import annotations

import os

# Set before mlflow is imported anywhere. Usage telemetry would call an outside host; retries
# with back-off would turn one missing route into minutes of waiting.
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
os.environ["DO_NOT_TRACK"] = "true"
os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] = "60"
os.environ["MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT"] = "true"
for _var in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN", "MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID"):
    os.environ.pop(_var, None)

import collections
from typing import Any

import pytest
import requests
import requests.adapters

from backends import BACKENDS, Backend, reset_client_state
from servers import start_mlflow_server, start_runlens


# ---- servers ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def runlens(tmp_path_factory):
    server = start_runlens(tmp_path_factory.mktemp("runlens"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def mlflow_server(tmp_path_factory):
    server = start_mlflow_server(tmp_path_factory.mktemp("mlflow-server"))
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def backend(request) -> Backend:
    b = Backend(request.getfixturevalue(request.param))
    b.activate()
    yield b
    reset_client_state()


@pytest.fixture
def both(mlflow_server, runlens) -> dict[str, Backend]:
    yield {"mlflow_server": Backend(mlflow_server), "runlens": Backend(runlens)}
    reset_client_state()


# ---- HTTP exchanges in failure reports -------------------------------------------------------

_exchanges: collections.deque = collections.deque(maxlen=10)
_original_send = requests.adapters.HTTPAdapter.send


def _short(body: Any, limit: int = 700) -> str:
    if body is None:
        return ""
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    if not isinstance(body, str):
        return f"<{type(body).__name__}>"
    return body if len(body) <= limit else body[:limit] + f"… ({len(body)} chars)"


def _recording_send(self, request, **kwargs):
    response = _original_send(self, request, **kwargs)
    entry = f"{request.method} {request.url}\n  > {_short(request.body)}\n  < {response.status_code}"
    # Downloads are streamed: read only error bodies and JSON answers, which are small.
    if response.status_code >= 400 or "json" in response.headers.get("Content-Type", ""):
        entry += f" {_short(response.content)}"
    _exchanges.append(entry)
    return response


requests.adapters.HTTPAdapter.send = _recording_send


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if call.when == "setup":
        return
    if report.failed and _exchanges:
        report.sections.append(("last HTTP exchanges of the mlflow client", "\n".join(_exchanges)))
    if call.when == "teardown":
        _exchanges.clear()


@pytest.fixture(autouse=True)
def _fresh_exchange_log():
    _exchanges.clear()
    yield
