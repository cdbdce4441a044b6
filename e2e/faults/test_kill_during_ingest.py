"""Kill -9 during HTTP ingest, again and again: every batch that was acknowledged is stored
exactly once after each restart, a batch resent after a kill (same run, same `firstSeq`) is never
stored twice, and the database passes `PRAGMA integrity_check`.

Writers log 1,000-point batches to several runs as fast as the server takes them; the server
(`runlens serve`, its own process group) is SIGKILLed at a random moment (seeded, printed) and
restarted on the same data folder. RUNLENS_LONG_FAULTS=1 kills it 200 times instead of 20."""

from __future__ import annotations

import os
import signal
import time

import pytest

from batch_writer import BATCH, BatchWriter, Endpoint, value
from conftest import Client, seeded
from runlens_proc import runlens_serve as serve
from stored_points import integrity, series

LONG = os.environ.get("RUNLENS_LONG_FAULTS") == "1"
KILLS = 200 if LONG else 20
# The long run stores millions of points on a busy machine: past the suite's 300 s default.
pytestmark = pytest.mark.timeout(3600 if LONG else 300)
RUNS = 4


def test_every_acknowledged_batch_survives_kill_9_exactly_once(tmp_path):
    rng = seeded("kill-during-ingest")
    data, endpoint = tmp_path / "data", Endpoint()
    with serve(data, client=Client) as rl:
        writers = [BatchWriter(endpoint, rl.create_run(f"writer-{i}"), i) for i in range(RUNS)]
    for w in writers:
        w.start()

    for _ in range(KILLS):
        with serve(data, client=Client) as rl:
            endpoint.up(rl.url, rl.token)
            # Anywhere from before the first request lands to well into a stream of commits.
            time.sleep(rng.uniform(0.0, 0.8))
            os.killpg(rl.proc.pid, signal.SIGKILL)
            endpoint.down()
            assert rl.proc.wait(timeout=10) == -signal.SIGKILL
    with serve(data, client=Client) as rl:
        endpoint.up(rl.url, rl.token)
        time.sleep(0.5)
        endpoint.stop()
        for w in writers:
            w.join(timeout=120)
            assert not w.is_alive(), f"the writer of run {w.run_index} did not finish"
            assert w.failure is None, w.failure
            assert rl.count(w.run_id, "loss") == w.acked * BATCH

    assert integrity(data) == "ok"
    for w in writers:
        count, points = series(data, w.run_id, "loss")
        want = [(s, value(w.run_index, s)) for s in range(w.acked * BATCH)]
        assert count == len(want), f"run {w.run_index}: summary count {count}, want {len(want)}"
        assert sorted(points) == want, f"run {w.run_index}: the stored points are not the acknowledged batches, once each"
        for answer in w.resent:
            # A resent batch is either one the killed server never committed, or one it had.
            assert answer in ({"accepted": BATCH, "skipped": 0}, {"accepted": 0, "skipped": BATCH}), answer

    resent = [a for w in writers for a in w.resent]
    batches = sum(w.acked for w in writers)
    print(f"[kill-during-ingest] {KILLS} kills; {batches * BATCH:,} points in {batches} acknowledged batches, each stored once; "
          f"{len(resent)} batches resent after a kill, {sum(1 for a in resent if a['skipped'])} of them already committed (skipped whole)")
