"""The team's tracking server as the proof runs it: a real `mlflow server` whose backend store is
a PostgreSQL cluster of its own (postgres.py) and whose artifacts are proxied to a local folder
(runs get `mlflow-artifacts:/…` URIs, the only kind Runlens pushes to). It can be SIGKILLed and
started again on the same database, artifact folder and port, so a Runlens remote pointing at it
stays valid. Shared by the pytest suite and bench/push-throughput.py.
"""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

from postgres import Postgres, start_postgres
from servers import Server, _free_port, start_mlflow_server

# On a SQL backend, mlflow server 3.x also starts a job runner: three huey consumers (17 worker
# processes) competing for the CPU with the server, and a queue folder in /dev/shm that a
# SIGKILLed server leaves behind. The proof runs no MLflow jobs; start_mlflow_server passes this
# process's environment on.
os.environ["MLFLOW_SERVER_ENABLE_JOB_EXECUTION"] = "false"


class MlflowRemote:
    def __init__(self, pg: Postgres, workdir: Path):
        self.pg, self.workdir, self.port = pg, workdir, _free_port()
        self.server: Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Up and answering /health. The first start creates MLflow's tables in PostgreSQL
        (its migrations, some seconds); --workers 1, so two workers never race to migrate."""
        self.server = start_mlflow_server(self.workdir, timeout=180, backend_store_uri=self.pg.url, port=self.port)

    def kill(self) -> None:
        """SIGKILL to the whole process group (uvicorn and its job runner): no shutdown work,
        requests in flight cut."""
        assert self.server is not None
        os.killpg(self.server.process.pid, signal.SIGKILL)
        self.server.process.wait(timeout=30)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()

    def logs(self) -> str:
        return (self.server.log_tail() if self.server else "") + self.pg.log_tail()


class PostgresMlflow:
    """PostgreSQL + mlflow server started together and stopped together (also when the start
    failed half-way), in fresh temp folders."""

    def __enter__(self) -> MlflowRemote:
        self.pg = start_postgres()
        self.tmp = tempfile.TemporaryDirectory(prefix="runlens-mlflow-remote-")
        self.remote = MlflowRemote(self.pg, Path(self.tmp.name))
        try:
            self.remote.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self.remote

    def __exit__(self, *exc) -> None:
        try:
            self.remote.stop()
        finally:
            try:
                self.pg.stop()
            finally:
                self.tmp.cleanup()
