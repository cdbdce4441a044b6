import threading
from pathlib import Path
from typing import Any, Dict, List, Tuple

from runlens.batcher import PointBatcher


class RecordingSink:
    """Keeps every batch with its first sequence number; refuses the batches listed in `refuse`."""

    def __init__(self, refuse: Tuple[int, ...] = ()) -> None:
        self.batches: List[Tuple[int, List[Dict[str, Any]]]] = []
        self.syncs = 0
        self.refuse = refuse
        self.lock = threading.Lock()

    def send_points(self, points: List[Dict[str, Any]], first_seq: int) -> None:
        with self.lock:
            self.batches.append((first_seq, points))
        if len(self.batches) in self.refuse:
            raise ValueError("refused")

    def sync(self) -> None:
        self.syncs += 1

    def log_params(self, params: Dict[str, Any]) -> None: ...
    def set_tags(self, tags: Dict[str, str]) -> None: ...
    def put_artifact(self, source: Path, artifact_path: str) -> None: ...
    def add_input(self, ref: Dict[str, Any]) -> None: ...
    def add_model(self, artifact_path: str, name: str) -> None: ...
    def finish(self, status: str) -> None: ...


def point(i: int) -> Dict[str, Any]:
    return {"key": "x", "value": float(i), "step": i}


def test_points_are_numbered_from_1_in_logging_order_across_batches() -> None:
    sink = RecordingSink()
    errors: List[Tuple[Exception, int]] = []
    batcher = PointBatcher(sink, lambda e, n: errors.append((e, n)), batch_size=100, interval=60)
    for i in range(1, 1001):
        batcher.add([point(i)])
    batcher.close()
    seen = [(first + k, p["step"]) for first, batch in sink.batches for k, p in enumerate(batch)]
    assert seen == [(i, i) for i in range(1, 1001)]
    assert all(len(batch) <= 100 for _first, batch in sink.batches)
    assert errors == []


def test_flush_hands_over_everything_logged_before_it_without_waiting_for_the_interval() -> None:
    sink = RecordingSink()
    batcher = PointBatcher(sink, lambda e, n: None, batch_size=10_000, interval=3600)
    batcher.add([point(1), point(2)])
    batcher.flush()
    assert [(first, len(b)) for first, b in sink.batches] == [(1, 2)]
    assert sink.syncs >= 1
    batcher.add([point(3)])
    batcher.close()
    assert [(first, len(b)) for first, b in sink.batches] == [(1, 2), (3, 1)]


def test_a_refused_batch_is_reported_with_its_size_and_later_points_keep_their_numbers() -> None:
    sink = RecordingSink(refuse=(1,))
    errors: List[Tuple[str, int]] = []
    batcher = PointBatcher(sink, lambda e, n: errors.append((str(e), n)), batch_size=10_000, interval=3600)
    batcher.add([point(1), point(2)])
    batcher.flush()
    batcher.add([point(3)])
    batcher.close()
    assert errors == [("refused", 2)]
    assert sink.batches[-1][0] == 3


def test_add_waits_when_max_pending_points_wait_and_goes_on_once_the_thread_takes_them() -> None:
    entered, gate = threading.Event(), threading.Event()

    class SlowSink(RecordingSink):
        def send_points(self, points: List[Dict[str, Any]], first_seq: int) -> None:
            entered.set()
            gate.wait()
            super().send_points(points, first_seq)

    sink = SlowSink()
    batcher = PointBatcher(sink, lambda e, n: None, batch_size=5, interval=3600, max_pending=10)
    batcher.add([point(i) for i in range(1, 6)])
    entered.wait()  # the thread holds points 1-5 and is stuck in the sink
    batcher.add([point(i) for i in range(6, 16)])  # 10 now wait: the limit
    blocked = threading.Thread(target=lambda: batcher.add([point(16)]))
    blocked.start()
    blocked.join(0.5)
    assert blocked.is_alive(), "add() must wait while max_pending points are queued"
    gate.set()
    blocked.join()
    batcher.close()
    assert [first + k for first, b in sink.batches for k in range(len(b))] == list(range(1, 17))
    assert [p["step"] for _f, b in sink.batches for p in b] == list(range(1, 17))
