"""`runlens serve --watch` following TensorBoard runs while they are written."""

from __future__ import annotations

import struct
import subprocess
import sys
import time
from pathlib import Path

from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboardX.crc32c import crc32c

from conftest import assert_run_matches, runlens_serve

HERE = Path(__file__).resolve().parent
STEPS = 150


def masked_crc(data: bytes) -> int:
    """TFRecord's masked CRC-32C, as tensorboardX's record writer computes it."""
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def framed(event: event_pb2.Event) -> bytes:
    data = event.SerializeToString()
    header = struct.pack("<Q", len(data))
    return header + struct.pack("<I", masked_crc(header)) + data + struct.pack("<I", masked_crc(data))


def test_a_run_is_followed_while_it_logs(tmp_path):
    logdir = tmp_path / "live_logs"
    run = logdir / "job" / "train"
    run.mkdir(parents=True)
    with runlens_serve(tmp_path / "data", logdir) as runlens:
        writer = subprocess.Popen([sys.executable, str(HERE / "live_writer.py"), str(run), str(STEPS), "0.02"], stdout=subprocess.PIPE, text=True)
        try:
            # Points show up while the writer is still logging.
            runlens.wait_for("the first points", lambda: runlens.count(run, "loss") > 0)
            assert writer.poll() is None, "the writer finished before Runlens saw anything: slow it down"
            assert runlens.tb_runs()[str(run)]["status"] == "RUNNING"
            assert writer.wait(timeout=120) == 0
        finally:
            if writer.poll() is None:
                writer.kill()
        runlens.wait_for("every step", lambda: (runlens.count(run, "loss"), runlens.count(run, "grad_norm")), (STEPS, STEPS))
        served = runlens.tb_runs()[str(run)]
        assert served["name"] == "job/train" and served["experiment"] == "live_logs"
        assert assert_run_matches(runlens, served, run) == 2 * STEPS


def test_a_record_written_in_halves_is_read_once_complete(tmp_path):
    logdir = tmp_path / "halves"
    run = logdir / "r"
    subprocess.run([sys.executable, str(HERE / "live_writer.py"), str(run), "10", "0"], check=True, capture_output=True, timeout=120)
    event_file = next(run.glob("*tfevents*"))
    record = framed(
        event_pb2.Event(wall_time=time.time(), step=10, summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="loss", simple_value=0.125)]))
    )
    with runlens_serve(tmp_path / "data", logdir) as runlens:
        runlens.wait_for("the writer's steps", lambda: runlens.count(run, "loss"), 10)
        with open(event_file, "ab") as f:
            f.write(record[: len(record) // 2])
        # A half record is a record still being written: nothing new, nothing reported. Give the
        # watcher well past its settle delay to have looked at it.
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            assert runlens.count(run, "loss") == 10
            time.sleep(0.2)
        assert runlens.get("/api/v1/watch")["roots"][0]["problems"] == []
        with open(event_file, "ab") as f:
            f.write(record[len(record) // 2 :])
        runlens.wait_for("the completed record", lambda: runlens.count(run, "loss"), 11)
        served = runlens.tb_runs()[str(run)]
        assert runlens.points(served["id"], "loss")[-1][::2] == (10, 0.125)
        assert assert_run_matches(runlens, served, run) == 21
