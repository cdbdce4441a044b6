"""Start the two tracking servers the MLflow client is driven against: `runlens serve` and a real
`mlflow server` (SQLite backend, artifacts proxied). Shared by the pytest suite and the benchmark.

Both bind 127.0.0.1 only, log to files in their temp directory (a pipe nobody drains would
block the server), and are waited for with a bounded loop.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "out" / "main" / "cli.js"
VENV_BIN = Path(sys.executable).parent

_SERVING = re.compile(r"Runlens is serving at (http://127\.0\.0\.1:\d+)/")
_TOKEN = re.compile(r"^Token: (\S+)\s*$", re.M)


@dataclass
class Server:
    name: str
    url: str
    token: str | None
    workdir: Path
    process: subprocess.Popen = field(repr=False)

    def log_tail(self, lines: int = 40) -> str:
        text = ""
        for log in sorted(self.workdir.glob("*.log")):
            text += f"--- {log.name}\n" + "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) + "\n"
        return text

    def stop(self) -> None:
        if self.process.poll() is None:
            # The whole process group: `mlflow server` runs uvicorn and a job runner as children.
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _spawn(cmd: list[str], workdir: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        cmd,
        cwd=workdir,
        stdin=subprocess.DEVNULL,
        stdout=open(workdir / "stdout.log", "wb"),
        stderr=open(workdir / "stderr.log", "wb"),
        start_new_session=True,
        env=env,
    )


def _fail(server_name: str, proc: subprocess.Popen, workdir: Path, why: str) -> RuntimeError:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    logs = "".join(f"\n--- {p.name}\n{p.read_text(errors='replace')[-4000:]}" for p in sorted(workdir.glob("*.log")))
    return RuntimeError(f"{server_name} did not start: {why}{logs}")


def ensure_runlens_built() -> None:
    if CLI.exists():
        return
    subprocess.run(["npx", "electron-vite", "build"], cwd=REPO, check=True, timeout=600)


def start_runlens(workdir: Path, timeout: float = 60) -> Server:
    """`runlens serve --port 0`; the URL and token are read from its first two stdout lines."""
    ensure_runlens_built()
    workdir.mkdir(parents=True, exist_ok=True)
    data = workdir / "data"
    proc = _spawn(["node", str(CLI), "serve", "--port", "0", "--data", str(data)], workdir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = (workdir / "stdout.log").read_text(errors="replace")
        url, token = _SERVING.search(out), _TOKEN.search(out)
        if url and token:
            return Server("runlens", url.group(1), token.group(1), workdir, proc)
        if proc.poll() is not None:
            raise _fail("runlens", proc, workdir, f"exited with {proc.returncode}")
        time.sleep(0.1)
    raise _fail("runlens", proc, workdir, f"no URL and token on stdout within {timeout}s")


def start_mlflow_server(workdir: Path, timeout: float = 120, backend_store_uri: str | None = None, port: int | None = None) -> Server:
    """A real `mlflow server` on SQLite (or `backend_store_uri`: e2e/team_sync passes PostgreSQL,
    and a `port` to come back on after a kill). Since MLflow 2, --serve-artifacts is the default:
    runs get `mlflow-artifacts:/…` URIs and the server proxies them to --artifacts-destination,
    which is the same route shape Runlens implements."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = port or _free_port()
    mlflow_bin = shutil.which("mlflow", path=str(VENV_BIN)) or "mlflow"
    env = dict(os.environ)
    env.pop("MLFLOW_TRACKING_URI", None)
    env.pop("MLFLOW_TRACKING_TOKEN", None)
    # MLflow 3 reports usage to an outside host unless told not to; nothing here leaves 127.0.0.1.
    env["MLFLOW_DISABLE_TELEMETRY"] = "true"
    # MLflow 3 starts a job runner (a dozen processes) on SQL stores; no test here needs it.
    env["MLFLOW_SERVER_ENABLE_JOB_EXECUTION"] = "false"
    cmd = [
        mlflow_bin, "server",
        "--backend-store-uri", backend_store_uri or f"sqlite:///{workdir / 'mlflow.db'}",
        "--artifacts-destination", str(workdir / "artifacts"),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--workers", "1",
    ]
    proc = _spawn(cmd, workdir, env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise _fail("mlflow server", proc, workdir, f"exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
                if r.status == 200:
                    return Server("mlflow_server", url, None, workdir, proc)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise _fail("mlflow server", proc, workdir, f"/health not 200 within {timeout}s")
