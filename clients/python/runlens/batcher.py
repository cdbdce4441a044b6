"""Points from the training loop to the Sink on a background thread.

log() only appends to a list under a lock; the thread sends what has gathered when it reaches
`batch_size` points or every `interval` seconds, one batch at a time, and syncs the sink (the
spool's fsync) after each round. Memory is bounded: when `max_pending` points wait (the server
or the disk is slower than the loop), add() blocks until the thread takes them (so at most about
twice that many are held: the ones waiting and the ones being sent).
Every point gets its sequence number here, in logging order, starting at 1.
"""

import threading
import time
from typing import Callable, List

from .sink import Sink
from .values import JsonObject

BATCH_SIZE = 5_000
INTERVAL = 1.0
MAX_PENDING = 1_000_000


class PointBatcher:
    def __init__(
        self,
        sink: Sink,
        on_error: Callable[[Exception, int], None],
        batch_size: int = BATCH_SIZE,
        interval: float = INTERVAL,
        max_pending: int = MAX_PENDING,
    ) -> None:
        """`on_error(error, points)` is told about a batch the sink refused (it is not retried)."""
        self._sink = sink
        self._on_error = on_error
        self._batch_size = batch_size
        self._interval = interval
        self._max_pending = max_pending
        self._pending: List[JsonObject] = []
        self._next_seq = 1  # the number the next point added gets
        self._done_through = 0  # every point up to this number has been through the sink
        self._flush_through = 0  # flush() waits for the points up to this number
        self._stopping = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._loop, name="runlens-batcher", daemon=True)
        self._thread.start()

    def add(self, points: List[JsonObject]) -> None:
        """Queue points; blocks only while `max_pending` points are already waiting."""
        with self._cond:
            while len(self._pending) >= self._max_pending and self._thread.is_alive():
                self._cond.notify_all()
                self._cond.wait(0.1)
            self._pending.extend(points)
            self._next_seq += len(points)
            if len(self._pending) >= self._batch_size:
                self._cond.notify_all()

    def flush(self) -> None:
        """Return once every point added before this call has been through the sink, synced."""
        with self._cond:
            self._flush_through = max(self._flush_through, self._next_seq - 1)
            self._cond.notify_all()
            while self._done_through < self._flush_through and self._thread.is_alive():
                self._cond.wait(0.1)
        self._sink.sync()

    def close(self) -> None:
        """Flush, then stop the thread."""
        self.flush()
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join()

    def _due(self) -> bool:
        return len(self._pending) >= self._batch_size or (bool(self._pending) and self._done_through < self._flush_through)

    def _loop(self) -> None:
        deadline = time.monotonic() + self._interval
        while True:
            with self._cond:
                while not self._stopping and not self._due():
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
                if self._stopping and not self._pending:
                    return
            self._drain()
            try:
                self._sink.sync()
            except Exception as e:  # noqa: BLE001 — a failing disk must not kill the thread
                self._on_error(e, 0)
            if time.monotonic() >= deadline:
                deadline = time.monotonic() + self._interval

    def _drain(self) -> None:
        # Takes everything pending at once (swapping lists keeps log() from waiting on a copy),
        # then sends it batch by batch without holding the lock.
        with self._cond:
            taken, self._pending = self._pending, []
            first_seq = self._done_through + 1
            self._cond.notify_all()  # room for add() calls waiting on max_pending
        # Split up front and drop each batch once sent: freeing a million points in one go would
        # hold the GIL, and so the training loop, for tens of milliseconds.
        batches = [taken[i : i + self._batch_size] for i in range(0, len(taken), self._batch_size)]
        del taken
        batches.reverse()
        while batches:
            batch = batches.pop()
            try:
                self._sink.send_points(batch, first_seq)
            except Exception as e:  # noqa: BLE001 — reported to the run, which raises it on the caller's thread
                self._on_error(e, len(batch))
            first_seq += len(batch)
            with self._cond:
                self._done_through = first_seq - 1
                self._cond.notify_all()
