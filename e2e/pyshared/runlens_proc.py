"""The Runlens process as the Python e2e suites drive it: `runlens ingest`, `runlens serve` with its
URL and token read from stdout, a small client for the native HTTP API, and bounded polling.

Shared by e2e/mlflow_import, e2e/formats_wandb, e2e/formats_dvclive and e2e/formats_tensorboard,
which put this folder on sys.path with `pythonpath = ../pyshared` in their pytest.ini. A suite
that needs more of the API subclasses `Runlens` in its conftest and passes the subclass to
`runlens_serve(..., client=...)`.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "out" / "main" / "cli.js"
_SERVING = re.compile(r"Runlens is serving at (http://127\.0\.0\.1:\d+)/")
_TOKEN = re.compile(r"^Token: (\S+)\s*$", re.M)
_INGESTED = re.compile(r"Ingested (\d+) run\(s\), (\d+) new point\(s\), (\d+) problem\(s\)\.")


@pytest.fixture(scope="session", autouse=True)
def built():
    """Autouse in every suite whose conftest imports it: fails at once when there is no build."""
    if not CLI.exists():
        pytest.fail(f"{CLI} is missing: build first (npx electron-vite build)")


def runlens_ingest(path: Path, data: Path) -> tuple[int, int, list[str]]:
    """`runlens ingest <path> --data <data>`: (runs, new points, the `problem:` lines on stderr)."""
    out = subprocess.run(["node", str(CLI), "ingest", str(path), "--data", str(data)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    m = _INGESTED.search(out.stdout)
    assert m, out.stdout
    problems = [line for line in out.stderr.splitlines() if line.startswith("problem:")]
    return int(m.group(1)), int(m.group(2)), problems


class Runlens:
    """A client of one `runlens serve`: the native API with its Bearer token, and bounded waits.

    A suite sets its own wait bounds by overriding WAIT_TIMEOUT and WAIT_POLL in a subclass."""

    WAIT_TIMEOUT = 60.0
    WAIT_POLL = 0.2

    def __init__(self, url: str, token: str, proc: subprocess.Popen | None, workdir: Path):
        self.url, self.token, self.proc, self.workdir = url, token, proc, workdir

    def get(self, path: str):
        req = urllib.request.Request(self.url + path, headers={"Authorization": f"Bearer {self.token}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)

    def mlflow(self, route: str, **query):
        """Runlens's MLflow REST routes: the only view of experiments and dataset inputs."""
        return self.get(f"/api/2.0/mlflow/{route}?{urllib.parse.urlencode(query)}")

    def runs(self) -> dict[str, dict]:
        """Every run served, by id."""
        return {r["id"]: r for r in self.get("/api/v1/runs")["runs"]}

    def run(self, run_id: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}")["run"]

    def series(self, run_id: str, key: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}/metrics/{urllib.parse.quote(key, safe='')}?points=20000")

    def wait_for(self, what: str, probe, want=True, timeout: float | None = None, poll: float | None = None):
        """Polls `probe()` until it returns `want`; fails after `timeout` seconds with the last value."""
        return self._poll(what, probe, lambda last: last == want, f": want {want!r},", timeout, poll)

    def wait_until(self, what: str, probe, timeout: float | None = None, poll: float | None = None):
        """Polls `probe()` until it returns something truthy, and returns it; fails after `timeout` seconds."""
        return self._poll(what, probe, bool, ";", timeout, poll)

    def _poll(self, what: str, probe, done, wanted: str, timeout: float | None, poll: float | None):
        deadline = time.monotonic() + (self.WAIT_TIMEOUT if timeout is None else timeout)
        last = None
        while time.monotonic() < deadline:
            try:
                last = probe()
            except urllib.error.HTTPError as e:
                last = e
            else:
                if done(last):
                    return last
            assert self.proc is None or self.proc.poll() is None, f"runlens serve exited:\n{self.logs()}"
            time.sleep(self.WAIT_POLL if poll is None else poll)
        pytest.fail(f"timed out waiting for {what}{wanted} last saw {last!r}\n{self.logs()}")

    def logs(self) -> str:
        return "".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}\n" for p in sorted(self.workdir.glob("*.log")))


@contextmanager
def runlens_serve(data: Path, *watch: Path, client: type[Runlens] = Runlens):
    """`runlens serve --port 0 --data <data> [--watch <w>]…`, logging to `data`/std{out,err}.log;
    yields a `client` once stdout names the URL and token (within 60 s), and stops the process
    group on the way out (SIGTERM, then SIGKILL after 20 s)."""
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
        yield client(url.group(1), token.group(1), proc, data)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
