"""Proves `runlens ingest` and `runlens serve --watch` import other loggers' files faithfully.

DVCLive folders are written by the real `dvclive` package during the run (log_dvclive.py).
Lightning's CSVLogger, Keras's CSVLogger and the Hugging Face Trainer need torch or TensorFlow,
which this suite does not install: writers.py reproduces their files with the same Python calls
their sources make (csv.DictWriter, json.dumps). Every value is checked through Runlens's native
HTTP API against what the files hold.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
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

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CLI = REPO / "out" / "main" / "cli.js"
_SERVING = re.compile(r"Runlens is serving at (http://127\.0\.0\.1:\d+)/")
_TOKEN = re.compile(r"^Token: (\S+)\s*$", re.M)
_INGESTED = re.compile(r"Ingested (\d+) run\(s\), (\d+) new point\(s\), (\d+) problem\(s\)\.")


@pytest.fixture(scope="session", autouse=True)
def built():
    if not CLI.exists():
        pytest.fail(f"{CLI} is missing: build first (npx electron-vite build)")


def run_id(kind: str, path: Path) -> str:
    """Runlens's id for a run read from another logger's files: a hash of kind and absolute path."""
    return hashlib.sha256(f"{kind}\0{path}".encode()).hexdigest()[:32]


def wire(value: float):
    """A value as Runlens's API returns it: NaN and ±Infinity as strings."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def py_float(cell: str) -> float:
    """A cell as Python's csv wrote it (`nan`, `inf`, `-inf` included)."""
    return float(cell)


def read_table(path: Path, sep: str = ",") -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=sep))


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

    def runs(self) -> list[dict]:
        return self.get("/api/v1/runs")["runs"]

    def run(self, run_id: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}")["run"]

    def series(self, run_id: str, key: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}/metrics/{urllib.parse.quote(key, safe='')}?points=20000")

    def points(self, run_id: str, key: str) -> list[tuple]:
        s = self.series(run_id, key)
        return list(zip(s["step"], s["value"]))

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
