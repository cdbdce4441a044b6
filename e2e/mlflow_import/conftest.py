"""Proves `runlens ingest` and `runlens serve --watch` import MLflow's local stores faithfully.

The stores are written by the real `mlflow` package during the run (log_fixtures.py), once as a
file store (`mlruns/`) and once as SQLite (`mlflow.db`); every value Runlens serves is checked
against what `mlflow.MlflowClient` reads back from the same store.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
for _var in ("MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID"):
    os.environ.pop(_var, None)

import pytest  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CLI = REPO / "out" / "main" / "cli.js"
LOGGER = HERE / "log_fixtures.py"
_SERVING = re.compile(r"Runlens is serving at (http://127\.0\.0\.1:\d+)/")
_TOKEN = re.compile(r"^Token: (\S+)\s*$", re.M)
_INGESTED = re.compile(r"Ingested (\d+) run\(s\), (\d+) new point\(s\), (\d+) problem\(s\)\.")


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


@pytest.fixture(scope="session", autouse=True)
def built():
    if not CLI.exists():
        pytest.fail(f"{CLI} is missing: build first (npx electron-vite build)")


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


def runlens_ingest(path: Path, data: Path) -> tuple[int, int, list[str]]:
    out = subprocess.run(["node", str(CLI), "ingest", str(path), "--data", str(data)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    m = _INGESTED.search(out.stdout)
    assert m, out.stdout
    problems = [line for line in out.stderr.splitlines() if line.startswith("problem:")]
    return int(m.group(1)), int(m.group(2)), problems


class Runlens:
    def __init__(self, url: str, token: str, proc: subprocess.Popen, workdir: Path):
        self.url, self.token, self.proc, self.workdir = url, token, proc, workdir

    def get(self, path: str):
        req = urllib.request.Request(self.url + path, headers={"Authorization": f"Bearer {self.token}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)

    def mlflow(self, route: str, **query):
        """Runlens's MLflow REST routes: the only view of experiments and dataset inputs."""
        return self.get(f"/api/2.0/mlflow/{route}?{urllib.parse.urlencode(query)}")

    def run(self, run_id: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}")["run"]

    def series(self, run_id: str, key: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}/metrics/{urllib.parse.quote(key, safe='')}?points=20000")

    def wait_for(self, what: str, probe, want=True, timeout: float = 60.0, poll: float = 0.2):
        """Polls `probe()` until it returns `want`; fails after `timeout` seconds with the last value."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            try:
                last = probe()
            except urllib.error.HTTPError as e:
                last = e
            else:
                if last == want:
                    return last
            assert self.proc.poll() is None, f"runlens serve exited:\n{self.logs()}"
            time.sleep(poll)
        pytest.fail(f"timed out waiting for {what}: want {want!r}, last saw {last!r}\n{self.logs()}")

    def logs(self) -> str:
        return "".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}\n" for p in sorted(self.workdir.glob("*.log")))


@contextmanager
def runlens_serve(data: Path, *watch: Path):
    data.mkdir(parents=True, exist_ok=True)
    args = ["node", str(CLI), "serve", "--port", "0", "--data", str(data)]
    for w in watch:
        args += ["--watch", str(w)]
    stdout = data / "stdout.log"
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=open(stdout, "wb"), stderr=open(data / "stderr.log", "wb"), start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            text = stdout.read_text(errors="replace")
            url, token = _SERVING.search(text), _TOKEN.search(text)
            if url and token:
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"runlens serve did not start:\n{text}\n{(data / 'stderr.log').read_text(errors='replace')}")
            time.sleep(0.05)
        yield Runlens(url.group(1), token.group(1), proc, data)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
