"""Eight processes log to eight runs at once while another client keeps asking what the UI asks
(the runs table, a run, a chart query): no client ever sees a 5xx or SQLITE_BUSY, the reader
never sees a series shrink, and every point is stored — exact counts and values."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
from pathlib import Path

from batch_writer import value
from conftest import Client, seeded
from runlens_proc import runlens_serve as serve
from stored_points import integrity, series

WRITERS = 8
POINTS = 50_000
WRITER = Path(__file__).with_name("log_points.py")


def test_eight_writers_and_a_reader_lose_nothing_and_see_no_busy(tmp_path):
    rng = seeded("concurrent-writers")
    data = tmp_path / "data"
    with serve(data, client=Client) as rl:
        run_ids = [rl.create_run(f"writer-{i}") for i in range(WRITERS)]
        procs = [subprocess.Popen([sys.executable, str(WRITER), rl.url, rl.token, run_id, str(i), str(POINTS)], stderr=subprocess.PIPE, text=True)
                 for i, run_id in enumerate(run_ids)]
        queries, refused, seen = 0, [], {run_id: 0 for run_id in run_ids}
        while any(p.poll() is None for p in procs):
            run_id = rng.choice(run_ids)
            for ask in (lambda: rl.get("/api/v1/runs"), lambda: rl.run(run_id),
                        lambda: rl.post("/api/v1/series/query", {"runIds": rng.sample(run_ids, 3), "keys": ["loss"], "buckets": 1000})):
                try:
                    ask()
                except urllib.error.HTTPError as e:
                    refused.append(f"{e.code} {e.read()[:300]!r}")
                queries += 1
            count = rl.count(run_id, "loss")
            assert count >= seen[run_id], f"run {run_id} went from {seen[run_id]} to {count} points"
            seen[run_id] = count
        failures = [f"writer {i}: exit {p.returncode} {p.stderr.read()}" for i, p in enumerate(procs) if p.returncode != 0]
        assert not failures, "\n".join(failures)
        assert not refused, f"{len(refused)} of {queries} UI queries refused: {refused[:5]}"
        assert [rl.count(run_id, "loss") for run_id in run_ids] == [POINTS] * WRITERS
        assert "SQLITE_BUSY" not in rl.logs()

    assert integrity(data) == "ok"
    for i, run_id in enumerate(run_ids):
        count, points = series(data, run_id, "loss")
        assert count == POINTS
        assert sorted(points) == [(s, value(i, s)) for s in range(POINTS)], f"writer {i}: the stored points are not what it logged"
    print(f"[concurrent-writers] {WRITERS} processes × {POINTS:,} points stored exactly; {queries} UI queries answered meanwhile, none refused")
