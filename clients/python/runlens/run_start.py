"""Starting a run: created on the server when one answers, else written to the spool from the start."""

import time
import uuid
from pathlib import Path
from typing import Dict, Optional, Tuple

from .discovery import Endpoint
from .errors import ServerUnreachable
from .failover_sink import FailoverSink
from .http_sink import HttpSink
from .http_transport import HttpTransport
from .run_record import RunRecord
from .sink import Sink
from .spool_sink import SpoolSink
from .values import JsonObject, ParamValue


def start_run(
    experiment: Optional[str],
    name: Optional[str],
    params: Dict[str, ParamValue],
    tags: Dict[str, str],
    endpoint: Optional[Endpoint],
    spool: Path,
) -> Tuple[RunRecord, Sink, Optional[str]]:
    """The run's record, its sink, and the server URL it went to (None when spooled)."""
    if endpoint is not None:
        transport = HttpTransport(endpoint)
        body: JsonObject = {"params": params, "tags": tags}
        if experiment is not None:
            body["experiment"] = experiment
        if name is not None:
            body["name"] = name
        try:
            run = transport.call("POST", "api/v1/runs", body)["run"]
        except ServerUnreachable:
            pass  # a stale server.json or a server not started yet: the spool keeps the run
        else:
            record = RunRecord(str(run["id"]), run.get("experiment", experiment), run.get("name", name), int(run["startTime"]), dict(params), dict(tags))
            return record, FailoverSink(HttpSink(transport, record.id), lambda: SpoolSink(spool, record)), endpoint.url
    # The core takes a run folder's id as the run's id: 32 hex characters, as the server makes them.
    record = RunRecord(uuid.uuid4().hex, experiment, name, int(time.time() * 1000), dict(params), dict(tags))
    return record, SpoolSink(spool, record), None
