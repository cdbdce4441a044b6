"""What the client knows about its run, kept locally so that run.json can be written whole at
any moment — the spool folder may take over from HTTP halfway through a run."""

from dataclasses import dataclass, field
from typing import Any, Dict, Optional

from .values import ParamValue


@dataclass
class RunRecord:
    id: str
    experiment: Optional[str]
    name: Optional[str]
    start_time: int
    params: Dict[str, ParamValue] = field(default_factory=dict)
    tags: Dict[str, str] = field(default_factory=dict)
    status: str = "RUNNING"
    end_time: Optional[int] = None

    def to_run_json(self) -> Dict[str, Any]:
        """The run folder's run.json (README "The run-folder format"); absent names take the core's defaults."""
        run: Dict[str, Any] = {"id": self.id}
        if self.experiment is not None:
            run["experiment"] = self.experiment
        if self.name is not None:
            run["name"] = self.name
        run.update(status=self.status, startTime=self.start_time, endTime=self.end_time, params=dict(self.params), tags=dict(self.tags))
        return run
