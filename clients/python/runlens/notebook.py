"""Is this code running in a Jupyter kernel, and in which notebook."""

import os
import sys
from typing import Any, Optional


def _ipython_shell() -> Any:
    # Only look at IPython when it is already loaded: never import it for a plain script.
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    return get() if callable(get) else None


def in_notebook() -> bool:
    """True in a Jupyter kernel (an IPython shell with a kernel), False in scripts and terminals."""
    return getattr(_ipython_shell(), "kernel", None) is not None


def notebook_path() -> Optional[str]:
    """The notebook's path when Jupyter tells it (JPY_SESSION_NAME, or VS Code's `__session__`)."""
    if os.environ.get("JPY_SESSION_NAME"):
        return os.environ["JPY_SESSION_NAME"]
    shell = _ipython_shell()
    session = getattr(shell, "user_ns", {}).get("__session__") if shell is not None else None
    return session if isinstance(session, str) and session else None
