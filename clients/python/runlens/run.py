"""A run as the notebook sees it: log metrics, params, tags, datasets, artifacts and models, then finish."""

import html
import os
import tempfile
import threading
import time
import warnings
from pathlib import Path
from types import TracebackType
from typing import Any, Dict, List, Mapping, Optional, Set, Type, Union

from .artifact_files import artifact_files
from .batcher import PointBatcher
from .datasets import dataset_ref
from .errors import RunlensError
from .exit_hooks import status_for
from .failover_sink import FailoverSink
from .keys import PARAM_VALUE_MAX_LENGTH, TAG_VALUE_MAX_LENGTH, check_key
from .run_record import RunRecord
from .sink import Sink
from .spool_sink import SpoolSink
from .system_info import requirements_text
from .system_metrics import SystemMetrics
from .values import JsonObject, ParamValue, metric_value, param_value

PathLike = Union[str, "os.PathLike[str]"]
STATUSES = ("FINISHED", "FAILED", "KILLED")
MODELS_FOLDER = "models"


class Run:
    """One run. Made by `runlens.init`; usable as a context manager that finishes it.

    Points go through a background thread; every other call writes before it returns. A write
    the server refuses (4xx) raises RunlensError on the call, a batch of points it refuses raises
    at the next call on this run (see the README: nothing is dropped silently)."""

    def __init__(self, record: RunRecord, sink: Sink, url: Optional[str], system_metrics: bool = False) -> None:
        self._record = record
        self._sink = sink
        self._url = url
        self._lock = threading.Lock()
        self._valid_keys: Set[str] = set()
        self._error: Optional[RunlensError] = None
        self._finished = False
        self._batcher = PointBatcher(sink, self._batch_failed)
        # Sampled points skip _check_open: an error waiting for the caller must reach the caller, not this thread.
        self._system: Optional[SystemMetrics] = SystemMetrics(lambda values, step: self._batcher.add(self._points(values, step))) if system_metrics else None

    # -- identity -------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self._record.id

    @property
    def name(self) -> Optional[str]:
        return self._record.name

    @property
    def experiment(self) -> Optional[str]:
        return self._record.experiment

    @property
    def status(self) -> str:
        return self._record.status

    @property
    def offline(self) -> bool:
        """True once the run is written to the spool folder instead of the server."""
        return self.folder is not None

    @property
    def folder(self) -> Optional[Path]:
        """The run folder in the spool when the run is written there, else None."""
        if isinstance(self._sink, SpoolSink):
            return self._sink.writer.folder
        if isinstance(self._sink, FailoverSink):
            return self._sink.spool_folder
        return None

    @property
    def url(self) -> Optional[str]:
        """The run's page in the Runlens UI (None for a run that never reached the server)."""
        return f"{self._url}#/runs/{self.id}" if self._url else None

    # -- logging --------------------------------------------------------------------------

    def log(self, metrics: Mapping[str, Any], step: Optional[int] = None) -> None:
        """Log `{key: number}` at `step` (the series' point count when None). Returns at once: a background thread sends the points."""
        self._check_open()
        self._batcher.add(self._points(metrics, step))

    def _points(self, metrics: Mapping[str, Any], step: Optional[int]) -> List[JsonObject]:
        # Checked here, on the caller's thread, so a bad key or value fails the call that made it.
        timestamp = int(time.time() * 1000)
        points: List[JsonObject] = []
        for key, value in metrics.items():
            if key not in self._valid_keys:
                self._valid_keys.add(check_key("metric", key))
            point: JsonObject = {"key": key, "value": metric_value(key, value), "timestamp": timestamp}
            if step is not None:
                point["step"] = int(step)
            points.append(point)
        return points

    def log_params(self, params: Mapping[str, Any]) -> None:
        """Params are immutable as in MLflow: the same value again is fine, another one raises RunlensError."""
        self._check_open()
        new: Dict[str, ParamValue] = {}
        for key, raw in params.items():
            check_key("param", key)
            value = param_value(raw)
            if len(str(value)) > PARAM_VALUE_MAX_LENGTH:
                raise RunlensError(f"param {key!r}: value longer than {PARAM_VALUE_MAX_LENGTH} characters")
            old = self._record.params.get(key)
            if old is not None and str(old) != str(value):
                raise RunlensError(f"param {key!r} is already {old!r}; params cannot change (got {value!r})")
            if old is None:
                new[key] = value
        if new:
            # A new dict, not an update: the batcher thread may be writing run.json from the old one.
            self._record.params = {**self._record.params, **new}
            self._sink.log_params(new)

    def set_tags(self, tags: Mapping[str, Any]) -> None:
        """Set or change tags (values are stored as strings)."""
        self._check_open()
        clean: Dict[str, str] = {}
        for key, value in tags.items():
            check_key("tag", key)
            text = str(value)
            if len(text) > TAG_VALUE_MAX_LENGTH:
                raise RunlensError(f"tag {key!r}: value longer than {TAG_VALUE_MAX_LENGTH} characters")
            clean[key] = text
        if clean:
            self._record.tags = {**self._record.tags, **clean}  # a new dict, as for params
            self._sink.set_tags(clean)

    def log_dataset(self, data: Any, name: Optional[str] = None, context: Optional[str] = None) -> None:
        """Record a dataset the run read: a file or folder path (digested by the core), or a pandas DataFrame."""
        self._check_open()
        self._sink.add_input(dataset_ref(data, name, context))

    def log_artifact(self, path: PathLike, artifact_path: Optional[str] = None) -> None:
        """Store a file or a folder (with its name) under `artifact_path` in the run's artifacts."""
        self._check_open()
        for source, target in artifact_files(Path(path), artifact_path):
            self._sink.put_artifact(source, target)

    def log_model(self, path: PathLike, name: Optional[str] = None) -> None:
        """Store a model file or folder as `models/<its name>` and record it as a logged model of the run."""
        self._check_open()
        source = Path(path)
        files = artifact_files(source, MODELS_FOLDER)
        for file, target in files:
            self._sink.put_artifact(file, target)
        self._sink.add_model(f"{MODELS_FOLDER}/{source.name}", name or source.name)

    def log_requirements(self) -> None:
        """The installed packages as the artifact `runlens/requirements.txt` (done by init).

        Recorded for free, so a refusal warns instead of failing the run's start."""
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / "requirements.txt"
            file.write_text(requirements_text(), encoding="utf-8")
            try:
                self._sink.put_artifact(file, "runlens/requirements.txt")
            except RunlensError as e:
                warnings.warn(f"runlens: the installed packages were not recorded: {e}", stacklevel=3)

    def flush(self) -> None:
        """Wait until every point logged so far has been sent (or written and fsynced)."""
        self._batcher.flush()
        self._raise_pending()

    def finish(self, status: str = "FINISHED") -> None:
        """Flush everything and end the run as FINISHED, FAILED or KILLED. A second call does nothing."""
        if status not in STATUSES:
            raise RunlensError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        if self._system is not None:
            self._system.stop()  # before closing: its thread logs through this run
        with self._lock:
            if self._finished:
                return
            self._finished = True
        self._batcher.close()
        self._sink.finish(status)
        self._record.status = status
        self._raise_pending()

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if exc_type is None:
            self.finish()
            return
        try:
            self.finish(status_for(exc_type))
        except RunlensError as e:  # the block's own exception is the one to see: ours only warns
            warnings.warn(str(e), stacklevel=2)

    # -- display --------------------------------------------------------------------------

    def __repr__(self) -> str:
        where = self.url or f"spooled in {self.folder}"
        return f"<runlens.Run {self.id} {self._record.status}: {where}>"

    def _repr_html_(self) -> str:
        label = html.escape(self._record.name or self.id)
        if self.url:
            return f'Runlens run <a href="{html.escape(self.url)}" target="_blank">{label}</a> ({self._record.status})'
        return f"Runlens run {label} ({self._record.status}): no server, written to <code>{html.escape(str(self.folder))}</code>; it appears when Runlens starts"

    # -- errors ---------------------------------------------------------------------------

    def _batch_failed(self, error: Exception, points: int) -> None:
        message = f"runlens: {points} point(s) of run {self.id} were refused: {error}" if points else f"runlens: run {self.id}: {error}"
        warnings.warn(message, stacklevel=2)
        with self._lock:
            if self._error is None:
                self._error = RunlensError(message)

    def _raise_pending(self) -> None:
        with self._lock:
            error, self._error = self._error, None
        if error is not None:
            raise error

    def _check_open(self) -> None:
        if self._finished:
            raise RunlensError(f"run {self.id} is finished")
        if self._error is not None:
            self._raise_pending()
