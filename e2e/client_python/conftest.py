"""Proves the Python client (clients/python, `import runlens`) against a real `runlens serve`.

Every test logs from a child Python process, as a user's script or notebook would: the client
finds the server by itself, batches in a background thread and flushes at exit, and an interrupt
or a crash has to reach it the way it would for real. What the client logged is read back only
through the native API (runs, series, artifacts, datasets, a run's inputs and models).

Each test gets a fresh data directory; the child's default data directory (XDG_DATA_HOME) points
into the test's temp folder too, so nothing ever reaches the user's own Runlens.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from runlens_proc import REPO, Runlens, built  # noqa: F401  (built: autouse, fails at once without a build)
from runlens_proc import runlens_serve as serve

CLIENT = REPO / "clients" / "python"

# Exact reads of a long series: a window this many steps wide is never downsampled.
_WINDOW = 10_000


class ClientRunlens(Runlens):
    """The native API as these tests read it back."""

    def watch(self, folder: Path) -> None:
        body = json.dumps({"path": str(folder)}).encode()
        req = urllib.request.Request(self.url + "/api/v1/watch", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30):
            pass

    def io(self, run_id: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}/io")

    def artifacts(self, run_id: str, path: str | None = None, model_id: str | None = None) -> dict[str, dict]:
        """One folder of a run's (or its model's) artifacts, by path."""
        query = {k: v for k, v in (("path", path), ("modelId", model_id)) if v is not None}
        listing = self.get(f"/api/v1/runs/{run_id}/artifacts?{urllib.parse.urlencode(query)}")
        return {e["path"]: e for e in listing["entries"]}

    def artifact_text(self, run_id: str, path: str) -> str:
        preview = self.get(f"/api/v1/runs/{run_id}/artifact-preview?{urllib.parse.urlencode({'path': path})}")
        assert preview["encoding"] == "utf8" and not preview["truncated"], preview
        return preview["content"]

    def dataset_versions(self, name: str) -> list[dict]:
        return self.get(f"/api/v1/datasets/{urllib.parse.quote(name, safe='')}")["versions"]

    def points(self, run_id: str, key: str) -> list[tuple[float, object]]:
        """Every stored point of a series as (step, value), in step order, read in windows narrow
        enough that none is downsampled, so a duplicated point shows up as one more pair."""
        summary = {m["key"]: m for m in self.run(run_id)["metrics"]}[key]
        out: list[tuple[float, object]] = []
        lo, last = 0, summary["lastStep"]
        while lo <= last:
            series = self.get(
                f"/api/v1/runs/{run_id}/metrics/{urllib.parse.quote(key, safe='')}?points=20000&minStep={lo}&maxStep={lo + _WINDOW - 1}"
            )
            assert not series["downsampled"], f"{key} [{lo}, {lo + _WINDOW}) came downsampled: {series['total']} points"
            out += zip(series["step"], series["value"])
            lo += _WINDOW
        assert len(out) == summary["count"], f"read {len(out)} points of {key}, the run says {summary['count']}"
        return out


@contextmanager
def runlens_serve(data: Path) -> Iterator[ClientRunlens]:
    with serve(data, client=ClientRunlens) as server:
        yield server


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The data directory `runlens serve` and the client share (server.json, token, spool/)."""
    return tmp_path / "data"


@pytest.fixture
def server(data: Path) -> Iterator[ClientRunlens]:
    with runlens_serve(data) as s:
        yield s


def client_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a process using the client: no RUNLENS_* of the caller's, the client
    from this checkout, and a default data directory inside the test's temp folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUNLENS_") and k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(CLIENT)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


class Script:
    """A Python script using the client, written to the test's temp folder and run as a child."""

    def __init__(self, tmp_path: Path, source: str, name: str = "train.py"):
        self.path = tmp_path / name
        self.path.write_text(textwrap.dedent(source))

    def run(self, env: dict[str, str], cwd: Path | None = None, expect_rc: int = 0, args: tuple[str, ...] = ()) -> dict:
        """Runs to the end; returns the JSON object the script printed last on stdout."""
        out = subprocess.run(
            [sys.executable, str(self.path), *args], cwd=cwd or self.path.parent, env=env, capture_output=True, text=True, timeout=240
        )
        assert out.returncode == expect_rc, f"exit {out.returncode}, wanted {expect_rc}\n--- stdout\n{out.stdout}\n--- stderr\n{out.stderr}"
        return last_json(out.stdout, out.stderr)

    def start(self, env: dict[str, str], cwd: Path | None = None) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, str(self.path)], cwd=cwd or self.path.parent, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )


def last_json(stdout: str, stderr: str = "") -> dict:
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    assert lines, f"the script printed no JSON\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    return json.loads(lines[-1])


def read_line(proc: subprocess.Popen) -> dict:
    """The next JSON line a started script prints (it says where it is, e.g. its run id)."""
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=30)
        pytest.fail(f"the script ended (exit {proc.returncode}) before printing\n--- stderr\n{proc.stderr.read()}")
    return json.loads(line)


def kill_server(server: Runlens) -> None:
    """SIGKILL: no shutdown handler runs, server.json stays behind, an in-flight request dies."""
    os.killpg(server.proc.pid, signal.SIGKILL)
    server.proc.wait(timeout=30)
