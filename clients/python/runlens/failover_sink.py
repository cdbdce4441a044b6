"""HTTP while the server answers, the spool folder from the first write it does not answer.

The switch is one-way for the rest of the run (protocol 3): the write that failed is repeated on
the folder, so every point not acknowledged goes there with its sequence number, and the core
drops the ones the server had in fact committed. One lock serialises all writes, so there is one
request in flight at a time and no write can slip past the switch.
"""

import threading
import warnings
from pathlib import Path
from typing import Callable, Dict, List, Optional, TypeVar

from .errors import ServerUnreachable
from .http_sink import HttpSink
from .sink import Sink
from .spool_sink import SpoolSink
from .values import JsonObject

T = TypeVar("T")


class FailoverSink:
    """A Sink that starts on `http` and moves to a SpoolSink made by `make_spool` when HTTP gets no answer."""

    def __init__(self, http: HttpSink, make_spool: Callable[[], SpoolSink]) -> None:
        self._http = http
        self._make_spool = make_spool
        self._spool: Optional[SpoolSink] = None
        self._lock = threading.RLock()

    @property
    def spool_folder(self) -> Optional[Path]:
        """The run folder once the run is spooled; None while it goes over HTTP."""
        return self._spool.writer.folder if self._spool else None

    def _write(self, op: Callable[[Sink], T]) -> T:
        with self._lock:
            if self._spool is None:
                try:
                    return op(self._http)
                except ServerUnreachable as e:
                    self._spool = self._make_spool()
                    warnings.warn(f"runlens: the server stopped answering ({e}); the run continues in {self._spool.writer.folder}", stacklevel=3)
            return op(self._spool)

    def send_points(self, points: List[JsonObject], first_seq: int) -> None:
        self._write(lambda s: s.send_points(points, first_seq))

    def log_params(self, params: JsonObject) -> None:
        self._write(lambda s: s.log_params(params))

    def set_tags(self, tags: Dict[str, str]) -> None:
        self._write(lambda s: s.set_tags(tags))

    def put_artifact(self, source: Path, artifact_path: str) -> None:
        self._write(lambda s: s.put_artifact(source, artifact_path))

    def add_input(self, ref: JsonObject) -> None:
        self._write(lambda s: s.add_input(ref))

    def add_model(self, artifact_path: str, name: str) -> None:
        self._write(lambda s: s.add_model(artifact_path, name))

    def finish(self, status: str) -> None:
        self._write(lambda s: s.finish(status))

    def sync(self) -> None:
        with self._lock:
            if self._spool is not None:
                self._spool.sync()
