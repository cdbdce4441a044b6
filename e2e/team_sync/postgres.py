"""A throwaway PostgreSQL cluster for the team-sync proof: Debian's PostgreSQL binaries, a cluster
of its own in a temp folder, listening on 127.0.0.1 and a free port with its unix socket in that
folder, so a system service (or another test run) on :5432 is never touched.

initdb and postgres refuse to run as root, and CI runs as root: there every command runs as the
`postgres` user (runuser), which owns the cluster folder. Shared by the pytest suite and
bench/push-throughput.py.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

DB = "mlflow"


def pg_bin() -> Path:
    """The newest Debian PostgreSQL's bin folder; missing → a clear error naming the fix."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql (.ci/run does it on CI)")
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Postgres:
    root: Path
    port: int
    bin: Path
    as_user: str | None

    @property
    def url(self) -> str:
        """The SQLAlchemy URL mlflow server takes as its backend store (trust auth on loopback).
        The driver is named: SQLAlchemy 2.1 reads a bare postgresql:// as psycopg 3, which is not
        installed (psycopg2-binary is, pinned in requirements.txt)."""
        return f"postgresql+psycopg2://{self.as_user or pwd.getpwuid(os.getuid()).pw_name}@127.0.0.1:{self.port}/{DB}"

    @property
    def data(self) -> Path:
        return self.root / "cluster"

    def _run(self, tool: str, *args: str, timeout: float = 120) -> None:
        cmd = [str(self.bin / tool), *args]
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        out = subprocess.run(cmd, cwd=self.root, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
        if out.returncode != 0:
            raise RuntimeError(f"{tool} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}\n{self.log_tail()}")

    def log_tail(self) -> str:
        log = self.root / "postgres.log"
        return f"--- postgres.log\n{log.read_text(errors='replace')[-3000:]}" if log.exists() else ""

    def stop(self) -> None:
        """Fast shutdown (open connections are cut), then the cluster's folder goes."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "60")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_postgres() -> Postgres:
    """initdb + pg_ctl start on a free port + createdb; the caller stops it (Postgres.stop), which
    also removes the cluster. Its folder is a fresh one directly in the system temp folder: under
    root, pytest's tmp_path sits in a 0700 folder the `postgres` user cannot enter."""
    root = Path(tempfile.mkdtemp(prefix="runlens-pg-"))
    as_user = "postgres" if os.geteuid() == 0 else None
    if as_user:
        shutil.chown(root, user=as_user, group=as_user)
    pg = Postgres(root, free_port(), pg_bin(), as_user)
    pg._run("initdb", "-D", str(pg.data), "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", *(["-U", as_user] if as_user else []))
    # Only loopback TCP and a socket in our folder: nothing else on the machine can reach it, and
    # no other cluster's /var/run/postgresql socket is shared.
    options = f"-c listen_addresses=127.0.0.1 -p {pg.port} -k {root} -c max_connections=50"
    try:
        pg._run("pg_ctl", "start", "-D", str(pg.data), "-l", str(root / "postgres.log"), "-w", "-t", "60", "-o", options)
        pg._run("createdb", "-h", "127.0.0.1", "-p", str(pg.port), DB)
    except BaseException:
        pg.stop()
        raise
    return pg
