"""Kill -9 while a run folder is tailed: a writer keeps appending to `metrics.jsonl` in odd-sized
pieces (lines cut anywhere) while `runlens serve --watch` is SIGKILLed at random moments (seeded,
printed) and restarted on the same data folder. Every complete line is stored exactly once — the
file offset commits with its points — and the database passes `PRAGMA integrity_check`.
RUNLENS_LONG_FAULTS=1 kills it 60 times instead of 8."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest

from conftest import Client, seeded
from runlens_proc import runlens_serve as serve
from stored_points import integrity, series

LONG = os.environ.get("RUNLENS_LONG_FAULTS") == "1"
KILLS = 60 if LONG else 8
# The long run stores millions of points on a busy machine: past the suite's 300 s default.
pytestmark = pytest.mark.timeout(3600 if LONG else 300)
RUN_ID = "tailed-through-kills"


def line(step: int) -> bytes:
    return (json.dumps({"key": "loss", "value": step / 4, "step": step}) + "\n").encode()


class Appender(threading.Thread):
    """Appends lines to `path` in pieces of 1–400 bytes until stopped, then ends the line it is in."""

    def __init__(self, path, rng):
        super().__init__(daemon=True)
        self.path, self.rng, self.lines = path, rng, 0
        self.stopping = threading.Event()

    def run(self):
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            pending = b""
            while not (self.stopping.is_set() and not pending):
                if not pending:
                    pending, self.lines = line(self.lines), self.lines + 1
                piece = pending[: self.rng.randint(1, 400)]
                os.write(fd, piece)
                pending = pending[len(piece):]
                time.sleep(0.0005)
        finally:
            os.close(fd)


def test_every_complete_line_is_stored_once_across_kills(tmp_path):
    rng = seeded("kill-while-tailing")
    data, folder = tmp_path / "data", tmp_path / "watched" / "run"
    folder.mkdir(parents=True)
    (folder / "run.json").write_text(json.dumps({"id": RUN_ID, "experiment": "faults"}))
    appender = Appender(folder / "metrics.jsonl", rng)
    appender.start()

    for _ in range(KILLS):
        with serve(data, folder.parent, client=Client) as rl:
            time.sleep(rng.uniform(0.1, 1.0))
            os.killpg(rl.proc.pid, signal.SIGKILL)
            assert rl.proc.wait(timeout=10) == -signal.SIGKILL
    with serve(data, folder.parent, client=Client) as rl:
        appender.stopping.set()
        appender.join(timeout=30)
        assert not appender.is_alive()
        rl.wait_for(f"all {appender.lines} lines", lambda: rl.count(RUN_ID, "loss"), appender.lines)

    assert integrity(data) == "ok"
    count, points = series(data, RUN_ID, "loss")
    assert count == appender.lines
    assert sorted(points) == [(s, s / 4) for s in range(appender.lines)], "the stored points are not the file's lines, once each"
    print(f"[kill-while-tailing] {KILLS} kills; {appender.lines:,} lines "
          f"({(folder / 'metrics.jsonl').stat().st_size:,} bytes) appended in pieces, each stored once")
