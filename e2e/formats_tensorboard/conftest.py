"""Proves `runlens ingest` and `runlens serve --watch` read TensorBoard event folders faithfully.

The folders are written during the run by the real tensorboardX SummaryWriter (tb_fixtures.py);
every value Runlens serves is checked against what TensorBoard's own EventAccumulator reads
from the same folder (tb_truth.py).
"""

from __future__ import annotations

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

from tb_fixtures import write_all
from tb_truth import read_run, run_folders

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CLI = REPO / "out" / "main" / "cli.js"
_SERVING = re.compile(r"Runlens is serving at (http://127\.0\.0\.1:\d+)/")
_TOKEN = re.compile(r"^Token: (\S+)\s*$", re.M)
_INGESTED = re.compile(r"Ingested (\d+) run\(s\), (\d+) new point\(s\), (\d+) problem\(s\)\.")
_WIRE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


@pytest.fixture(scope="session", autouse=True)
def built():
    if not CLI.exists():
        pytest.fail(f"{CLI} is missing: build first (npx electron-vite build)")


@pytest.fixture(scope="session")
def logdir(tmp_path_factory) -> Path:
    """The fixture runs, written once per session under a folder named `tb_logs`."""
    root = tmp_path_factory.mktemp("written") / "tb_logs"
    write_all(root)
    return root


def runlens_ingest(path: Path, data: Path) -> tuple[int, int, list[str]]:
    out = subprocess.run(["node", str(CLI), "ingest", str(path), "--data", str(data)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    m = _INGESTED.search(out.stdout)
    assert m, out.stdout
    problems = [line for line in out.stderr.splitlines() if line.startswith("problem:")]
    return int(m.group(1)), int(m.group(2)), problems


def from_wire(v) -> float:
    return _WIRE[v] if isinstance(v, str) else float(v)


class Runlens:
    def __init__(self, url: str, token: str, proc: subprocess.Popen | None, workdir: Path):
        self.url, self.token, self.proc, self.workdir = url, token, proc, workdir

    def get(self, path: str):
        req = urllib.request.Request(self.url + path, headers={"Authorization": f"Bearer {self.token}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)

    def tb_runs(self) -> dict[str, dict]:
        """The TensorBoard runs served, by source folder."""
        return {r["sourcePath"]: r for r in self.get("/api/v1/runs")["runs"] if r["sourceKind"] == "tensorboard"}

    def points(self, run_id: str, key: str) -> list[tuple[int, float, float]]:
        s = self.get(f"/api/v1/runs/{run_id}/metrics/{urllib.parse.quote(key, safe='')}?points=20000")
        assert not s["downsampled"], key
        return [(int(st), ts, from_wire(v)) for st, ts, v in zip(s["step"], s["timestamp"], s["value"])]

    def count(self, folder: Path, key: str) -> int:
        run = self.tb_runs().get(str(folder))
        metric = next((m for m in run["metrics"] if m["key"] == key), None) if run else None
        return metric["count"] if metric else 0

    def wait_for(self, what: str, probe, want=True, timeout: float = 60.0, poll: float = 0.1):
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
            assert self.proc is None or self.proc.poll() is None, f"runlens serve exited:\n{self.logs()}"
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


def same_value(a: float, b: float) -> bool:
    """Equal, NaN included. -0.0 equals 0.0: JSON has no negative zero."""
    return (math.isnan(a) and math.isnan(b)) or a == b


def assert_run_matches(runlens: Runlens, run: dict, folder: Path) -> int:
    """Every (step, wall time, value) TensorBoard reads from `folder` is what Runlens serves for
    the run, in step order; returns the number of points compared."""
    truth = read_run(folder)
    assert sorted(m["key"] for m in run["metrics"]) == sorted(truth), folder
    compared = 0
    for tag, want in truth.items():
        got = runlens.points(run["id"], tag)
        want = sorted(want, key=lambda p: p[0])
        assert [p[0] for p in got] == [p[0] for p in want], f"{folder} {tag}: steps"
        for (step, ts, value), (_, wall, expected) in zip(got, want):
            assert abs(ts - wall * 1000) <= 0.5 + 1e-6 * abs(wall), f"{folder} {tag} step {step}: timestamp {ts} vs wall time {wall}"
            assert same_value(value, expected), f"{folder} {tag} step {step}: {value!r} vs {expected!r}"
        compared += len(want)
    return compared


__all__ = ["Runlens", "assert_run_matches", "read_run", "run_folders", "runlens_ingest", "runlens_serve", "same_value"]
