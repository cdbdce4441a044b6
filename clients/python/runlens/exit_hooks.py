"""Finishing the current run when a plain script ends: at exit, with the status its end deserves.

atexit alone cannot tell a clean end from a crash, so sys.excepthook is wrapped to remember an
uncaught exception (FAILED) or Ctrl-C (KILLED) before the interpreter exits. Jupyter kernels do
not call sys.excepthook: there a run ends when the next `init` starts, on `finish`, or at exit.
"""

import atexit
import sys
from types import TracebackType
from typing import Callable, Optional, Type

_installed = False
_exit_status = "FINISHED"


def status_for(exc_type: Optional[Type[BaseException]]) -> str:
    """The run status an exception of this type ends a run with (None: no exception)."""
    if exc_type is None:
        return "FINISHED"
    return "KILLED" if issubclass(exc_type, KeyboardInterrupt) else "FAILED"


def install(finish_current: Callable[[str], None]) -> None:
    """Once per process: remember uncaught exceptions, and call `finish_current(status)` at exit."""
    global _installed
    if _installed:
        return
    _installed = True
    previous = sys.excepthook

    def remember(exc_type: Type[BaseException], exc: BaseException, tb: Optional[TracebackType]) -> None:
        global _exit_status
        _exit_status = status_for(exc_type)
        previous(exc_type, exc, tb)

    sys.excepthook = remember
    atexit.register(lambda: finish_current(_exit_status))
