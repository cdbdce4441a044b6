"""Runlens's notebook client: `run = runlens.init(...)`, `run.log({...}, step=i)`, `run.finish()`.

Standard library only. Finds the local Runlens server by itself; when there is none, or it goes
away mid-run, the run is written to the spool folder the app ingests when it starts.
See clients/python/README.md.
"""

import os
import threading
import warnings
from pathlib import Path
from typing import Any, Mapping, Optional

from .config import flatten_config
from .discovery import find_endpoint, spool_dir
from .errors import ApiError, RunlensError
from .exit_hooks import install as _install_exit_hooks
from .keys import check_key
from .run import Run
from .run_start import start_run
from .system_info import system_tags
from .values import param_value
from .version import __version__

__all__ = ["init", "log", "finish", "current_run", "Run", "RunlensError", "ApiError", "__version__"]

_current: Optional[Run] = None
_current_lock = threading.Lock()


def init(
    experiment: Optional[str] = None,
    name: Optional[str] = None,
    config: Optional[Mapping[str, Any]] = None,
    tags: Optional[Mapping[str, Any]] = None,
    system_metrics: bool = False,
) -> Run:
    """Start a run and make it the current one (finishing the current run first, as re-running a notebook cell expects).

    `config` becomes the run's params (nested dicts flattened with `.`); `tags` are added to the
    ones recorded for free. `system_metrics=True` samples CPU, memory and GPU every 10 s (needs psutil).
    """
    global _current
    params = {check_key("param", k): param_value(v) for k, v in flatten_config(config or {}).items()}
    user_tags = {check_key("tag", k): str(v) for k, v in (tags or {}).items()}
    _finish_quietly(current_run(), "FINISHED")
    all_tags = system_tags(Path.cwd())
    all_tags.update(user_tags)
    record, sink, url = start_run(experiment, name, params, all_tags, find_endpoint(os.environ), spool_dir(os.environ))
    run = Run(record, sink, url, system_metrics=system_metrics)
    run.log_requirements()
    with _current_lock:
        _current = run
    _install_exit_hooks(_finish_at_exit)
    return run


def current_run() -> Optional[Run]:
    """The run `init` started last, while it is not finished."""
    with _current_lock:
        run = _current
    return run if run is not None and run.status == "RUNNING" else None


def log(metrics: Mapping[str, Any], step: Optional[int] = None) -> None:
    """`current_run().log(...)`, for one-liners."""
    _require_current().log(metrics, step=step)


def finish(status: str = "FINISHED") -> None:
    """Finish the current run (nothing to do when there is none)."""
    run = current_run()
    if run is not None:
        run.finish(status)


def _require_current() -> Run:
    run = current_run()
    if run is None:
        raise RunlensError("no current run: call runlens.init() first")
    return run


def _finish_quietly(run: Optional[Run], status: str) -> None:
    # Ending a run the caller has moved on from (a re-run cell, interpreter exit): an error the
    # server reported for it is told as a warning, not raised into the new run or the exit.
    if run is None:
        return
    try:
        run.finish(status)
    except RunlensError as e:
        warnings.warn(str(e), stacklevel=3)


def _finish_at_exit(status: str) -> None:
    _finish_quietly(current_run(), status)
