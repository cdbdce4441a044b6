"""Which files an artifact call stores, and under which path in the run's artifacts."""

import os
import posixpath
from pathlib import Path
from typing import List, Optional, Tuple

from .errors import RunlensError


def artifact_files(source: Path, artifact_path: Optional[str]) -> List[Tuple[Path, str]]:
    """(file on disk, path under the run's artifacts) for a file or, recursively, a folder.

    The file or folder keeps its own name below `artifact_path` (the artifacts' root when None)."""
    if not source.exists():
        raise RunlensError(f"{source} does not exist")
    prefix = clean_artifact_path(artifact_path) if artifact_path else ""
    base = posixpath.join(prefix, source.name) if prefix else source.name
    if source.is_file():
        return [(source, base)]
    files: List[Tuple[Path, str]] = []
    for folder, _dirs, names in sorted(os.walk(source)):
        for file_name in sorted(names):
            file = Path(folder) / file_name
            files.append((file, posixpath.join(base, file.relative_to(source).as_posix())))
    return files


def clean_artifact_path(path: str) -> str:
    """A relative POSIX path without `..`: the server refuses anything leaving the artifacts folder."""
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if path.startswith("/") or ".." in parts or not parts:
        raise RunlensError(f"artifact path {path!r} must be a relative path without ..")
    return "/".join(parts)
