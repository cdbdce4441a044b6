"""What every run records for free (protocol 8): the interpreter, host, command or notebook, the
git commit, and the installed packages."""

import platform
import socket
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

from .notebook import in_notebook, notebook_path
from .version import __version__

GIT_TIMEOUT = 5.0


def system_tags(cwd: Optional[Path] = None) -> Dict[str, str]:
    """`runlens.*` tags and MLflow's git commit tag for a run started now in `cwd`."""
    tags = {"runlens.python": platform.python_version(), "runlens.host": socket.gethostname(), "runlens.client": __version__}
    if in_notebook():
        notebook = notebook_path()
        if notebook:
            tags["runlens.notebook"] = notebook
    else:
        tags["runlens.command"] = " ".join(sys.argv)
    tags.update(git_tags(cwd))
    return tags


def git_tags(cwd: Optional[Path] = None) -> Dict[str, str]:
    """`mlflow.source.git.commit` and `runlens.git.dirty` when `cwd` is in a git work tree; {} otherwise or without git."""
    commit = _git(["rev-parse", "HEAD"], cwd)
    if not commit:
        return {}
    status = _git(["status", "--porcelain", "--untracked-files=no"], cwd)
    return {"mlflow.source.git.commit": commit.strip(), "runlens.git.dirty": "true" if status and status.strip() else "false"}


def _git(args: List[str], cwd: Optional[Path]) -> Optional[str]:
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=GIT_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def requirements_text() -> str:
    """`name==version` for every installed distribution, sorted, one a line (the run's `runlens/requirements.txt`)."""
    from importlib.metadata import distributions

    lines = set()
    for dist in distributions():
        name = dist.metadata["Name"]
        if name:
            lines.add(f"{name}=={dist.version}")
    return "".join(line + "\n" for line in sorted(lines, key=str.lower))
