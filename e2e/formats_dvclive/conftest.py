"""Proves `runlens ingest` and `runlens serve --watch` import other loggers' files faithfully.

DVCLive folders are written by the real `dvclive` package during the run (log_dvclive.py).
Lightning's CSVLogger, Keras's CSVLogger and the Hugging Face Trainer need torch or TensorFlow,
which this suite does not install: writers.py reproduces their files with the same Python calls
their sources make (csv.DictWriter, json.dumps). Every value is checked through Runlens's native
HTTP API against what the files hold.
"""

from __future__ import annotations

import csv
import hashlib
import math
from pathlib import Path

from runlens_proc import Runlens, built  # noqa: F401  (built: autouse, fails at once without a build)
from runlens_proc import runlens_serve as serve


def run_id(kind: str, path: Path) -> str:
    """Runlens's id for a run read from another logger's files: a hash of kind and absolute path."""
    return hashlib.sha256(f"{kind}\0{path}".encode()).hexdigest()[:32]


def wire(value: float):
    """A value as Runlens's API returns it: NaN and ±Infinity as strings."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def py_float(cell: str) -> float:
    """A cell as Python's csv wrote it (`nan`, `inf`, `-inf` included)."""
    return float(cell)


def read_table(path: Path, sep: str = ",") -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=sep))


class DvcliveRunlens(Runlens):
    def points(self, run_id: str, key: str) -> list[tuple]:
        """A series as (step, value) pairs, the value as the API returns it."""
        s = self.series(run_id, key)
        return list(zip(s["step"], s["value"]))


def runlens_serve(data: Path, *watch: Path):
    return serve(data, *watch, client=DvcliveRunlens)
