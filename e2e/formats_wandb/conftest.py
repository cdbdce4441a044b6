"""Proves `runlens ingest` and `runlens serve --watch` read W&B offline runs faithfully.

The runs are written by the real `wandb` client (log_runs.py) in offline mode; every value it
logged is compared with what Runlens serves, and so is every history row and system-metrics
sample in the run log as wandb's own protobuf classes decode it (wandb 0.31 ships no Python
reader of its log, so `read_run_log` below does the framing, independently of Runlens's).
"""

from __future__ import annotations

import json
import os
import re
import signal
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from contextlib import contextmanager
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CLI = REPO / "out" / "main" / "cli.js"
LOGGER = HERE / "log_runs.py"
_SERVING = re.compile(r"Runlens is serving at (http://127\.0\.0\.1:\d+)/")
_TOKEN = re.compile(r"^Token: (\S+)\s*$", re.M)
_INGESTED = re.compile(r"Ingested (\d+) run\(s\), (\d+) new point\(s\), (\d+) problem\(s\)\.")


def wandb_env(home: Path) -> dict[str, str]:
    """Offline, silent, no git/code capture, no error reporting, every W&B folder under `home`,
    and a base URL nobody listens on, so an attempt to reach the network fails at once."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WANDB_")}
    env.update(
        WANDB_MODE="offline",
        WANDB_SILENT="true",
        WANDB_DISABLE_GIT="true",
        WANDB_DISABLE_CODE="true",
        WANDB_ERROR_REPORTING="false",
        WANDB_BASE_URL="http://127.0.0.1:9",
        WANDB_CONFIG_DIR=str(home / "config"),
        WANDB_CACHE_DIR=str(home / "cache"),
        WANDB_DATA_DIR=str(home / "data"),
        WANDB_ARTIFACT_DIR=str(home / "artifacts"),
        OTEL_SDK_DISABLED="true",
        HOME=str(home),
    )
    return env


def log_with_wandb(mode: str, where: Path, **popen):
    where.mkdir(parents=True, exist_ok=True)
    home = where.parent / f"{where.name}-home"
    home.mkdir(exist_ok=True)
    cmd = [sys.executable, str(LOGGER), mode, str(where)]
    if popen:
        return subprocess.Popen(cmd, cwd=where, env=wandb_env(home), **popen)
    out = subprocess.run(cmd, cwd=where, env=wandb_env(home), capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stdout + out.stderr
    return None


# --- The run log read back with wandb's own Record class ------------------------------------

BLOCK = 32 * 1024


def read_run_log(path: Path) -> list:
    from wandb.proto import wandb_internal_pb2 as pb

    data = path.read_bytes()
    assert data[:7] == b":W&B\xe1\xbe\x00", "W&B run-log header"
    records, pos, parts = [], 7, None
    while pos + 7 <= len(data):
        if BLOCK - pos % BLOCK < 7:
            pos += BLOCK - pos % BLOCK
            continue
        crc, length, kind = struct.unpack_from("<IHB", data, pos)
        chunk = data[pos + 7 : pos + 7 + length]
        assert zlib.crc32(bytes([kind]) + chunk) == crc, f"checksum at {pos}"
        pos += 7 + length
        if kind == 1:
            payload = chunk
        elif kind == 2:
            parts = [chunk]
            continue
        elif kind == 3:
            parts.append(chunk)
            continue
        else:
            payload = b"".join(parts + [chunk])
            parts = None
        r = pb.Record()
        r.ParseFromString(payload)
        records.append(r)
    return records


def item_key(item) -> str:
    return ".".join(item.nested_key) if item.nested_key else item.key


def log_series(records) -> dict[str, list[tuple[float, float, float]]]:
    """Every numeric history value and system-metrics sample as key → [(step, timestamp_ms, value)]."""
    out: dict[str, list] = {}
    for r in records:
        kind = r.WhichOneof("record_type")
        if kind == "history":
            row = {item_key(i): json.loads(i.value_json) for i in r.history.item}
            for k, v in row.items():
                if not k.startswith("_") and isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.setdefault(k, []).append((row["_step"], round(row["_timestamp"] * 1000), v))
        elif kind == "stats":
            ms = r.stats.timestamp.seconds * 1000 + round(r.stats.timestamp.nanos / 1e6)
            for i in r.stats.item:
                v = json.loads(i.value_json)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    key = "system/" + i.key
                    out.setdefault(key, []).append((len(out.get(key, [])), ms, v))
    return out


def find_log(root: Path, wandb_id: str) -> Path:
    found = list(root.glob(f"wandb/*run-*-{wandb_id}/run-{wandb_id}.wandb"))
    assert len(found) == 1, found
    return found[0]


# --- Runlens -------------------------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def built():
    if not CLI.exists():
        pytest.fail(f"{CLI} is missing: build first (npx electron-vite build)")


@pytest.fixture(scope="session")
def wandb_runs(tmp_path_factory) -> tuple[Path, list[dict]]:
    """Several finished offline runs written by the real client, and what each logged."""
    root = tmp_path_factory.mktemp("wandb-runs")
    log_with_wandb("fixtures", root)
    return root, json.loads((root / "truth.json").read_text())


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

    def runs(self) -> dict[str, dict]:
        return {r["id"]: r for r in self.get("/api/v1/runs")["runs"]}

    def series(self, run_id: str, key: str) -> dict:
        return self.get(f"/api/v1/runs/{run_id}/metrics/{urllib.parse.quote(key, safe='')}?points=20000")

    def wait_for(self, what: str, probe, timeout: float = 90.0, poll: float = 0.25):
        """Polls `probe()` until it returns something truthy; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            try:
                last = probe()
            except urllib.error.HTTPError as e:
                last = e
            else:
                if last:
                    return last
            assert self.proc.poll() is None, f"runlens serve exited:\n{self.logs()}"
            time.sleep(poll)
        pytest.fail(f"timed out waiting for {what}; last saw {last!r}\n{self.logs()}")

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
