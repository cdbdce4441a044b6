"""One run folder in the native run-folder format (README "The run-folder format"), written so
that a crash at any moment leaves files the core can read: whole-file rewrites go through a
temporary file and os.replace, metrics.jsonl only grows by whole lines and is fsynced on sync().
"""

import json
import os
import shutil
import threading
from pathlib import Path
from typing import IO, Any, List, Optional

from .values import JsonObject


class SpoolWriter:
    """The files of `<spool>/<run id>/`; every method is thread-safe."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._metrics: Optional[IO[str]] = None
        self._unsynced = False
        self._inputs: List[JsonObject] = []
        self._outputs: List[JsonObject] = []
        folder.mkdir(parents=True, exist_ok=True)

    def write_run(self, run: JsonObject) -> None:
        """run.json, whole: id, experiment, name, status, startTime, endTime, params, tags."""
        with self._lock:
            _replace_json(self.folder / "run.json", run)

    def append_points(self, points: List[JsonObject]) -> None:
        """Lines of metrics.jsonl, each `{key, value, step?, timestamp, seq}`; durable at the next sync()."""
        if not points:
            return
        text = "".join(json.dumps(p, allow_nan=False) + "\n" for p in points)
        with self._lock:
            if self._metrics is None:
                self._metrics = open(self.folder / "metrics.jsonl", "a", encoding="utf-8")
            self._metrics.write(text)
            self._unsynced = True

    def sync(self) -> None:
        """Flush and fsync what append_points wrote, so a power cut cannot take it."""
        with self._lock:
            if self._metrics is not None and self._unsynced:
                self._metrics.flush()
                os.fsync(self._metrics.fileno())
                self._unsynced = False

    def copy_artifact(self, source: Path, artifact_path: str) -> None:
        """A copy of one file at `artifacts/<artifact_path>`."""
        target = self.folder / "artifacts" / artifact_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)

    def add_input(self, ref: JsonObject) -> None:
        """One more entry of inputs.json (the list is rewritten whole)."""
        with self._lock:
            self._inputs.append(ref)
            _replace_json(self.folder / "inputs.json", self._inputs)

    def add_output(self, ref: JsonObject) -> None:
        """One more entry of outputs.json (the list is rewritten whole)."""
        with self._lock:
            self._outputs.append(ref)
            _replace_json(self.folder / "outputs.json", self._outputs)

    def close(self) -> None:
        """Sync and close metrics.jsonl."""
        self.sync()
        with self._lock:
            if self._metrics is not None:
                self._metrics.close()
                self._metrics = None


def _replace_json(path: Path, value: Any) -> None:
    # The watcher may read the file at any moment: it must see the old whole file or the new one.
    temp = path.with_name(f".{path.name}.tmp")
    with open(temp, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2, allow_nan=False)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)
