"""A run's writes as a run folder in the spool, which the core ingests when it (re)starts."""

import time
from pathlib import Path
from typing import Dict, List

from .run_record import RunRecord
from .spool_writer import SpoolWriter
from .values import JsonObject


class SpoolSink:
    """The Sink of a run written to `<spool>/<run id>/`; params and tags come from the shared RunRecord."""

    def __init__(self, spool: Path, record: RunRecord) -> None:
        self.record = record
        self.writer = SpoolWriter(spool / record.id)
        self.writer.write_run(record.to_run_json())

    def send_points(self, points: List[JsonObject], first_seq: int) -> None:
        for i, point in enumerate(points):
            point["seq"] = first_seq + i  # the batcher's own dicts: numbering them in place saves a copy each
        self.writer.append_points(points)

    def log_params(self, params: JsonObject) -> None:
        self.writer.write_run(self.record.to_run_json())

    def set_tags(self, tags: Dict[str, str]) -> None:
        self.writer.write_run(self.record.to_run_json())

    def put_artifact(self, source: Path, artifact_path: str) -> None:
        self.writer.copy_artifact(source, artifact_path)

    def add_input(self, ref: JsonObject) -> None:
        self.writer.add_input(ref)

    def add_model(self, artifact_path: str, name: str) -> None:
        self.writer.add_output({"path": f"artifacts/{artifact_path}", "kind": "model", "name": name})

    def finish(self, status: str) -> None:
        self.writer.close()
        self.record.status = status
        self.record.end_time = int(time.time() * 1000)
        self.writer.write_run(self.record.to_run_json())

    def sync(self) -> None:
        self.writer.sync()
