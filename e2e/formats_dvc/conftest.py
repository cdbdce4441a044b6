"""Proves Runlens imports a DVC pipeline made by the real `dvc` CLI: each stage dvc.lock records
becomes a run, its deps and outs dataset versions with DVC's md5, and the lineage graph joins them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from runlens_proc import Runlens, built  # noqa: F401  (built: autouse, fails at once without a build)
from runlens_proc import runlens_serve as serve

DVC = Path(sys.executable).parent / "dvc"


def dvc(project: Path, *args: str) -> None:
    # Stage commands say `python`: the suite's own interpreter, which has PyYAML.
    env = {**os.environ, "PATH": f"{DVC.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    out = subprocess.run([str(DVC), *args], cwd=project, capture_output=True, text=True, timeout=180, env=env)
    assert out.returncode == 0, f"dvc {' '.join(args)}:\n{out.stdout}\n{out.stderr}"


def read_lock(project: Path) -> dict:
    return YAML(typ="safe").load((project / "dvc.lock").read_text())


class LineageRunlens(Runlens):
    def lineage(self, **query) -> dict:
        q = "&".join(f"{k}={v}" for k, v in query.items())
        return self.get(f"/api/v1/lineage?{q}")

    def labelled_edges(self) -> set[str]:
        """Edges as `from -kind-> to`, nodes by label (runs starred when newer data is available)."""
        g = self.lineage()
        label = {n["id"]: n["label"] + ("*" if n["kind"] == "run" and n["newerDataAvailable"] else "") for n in g["nodes"]}
        return {f"{label[e['from']]} -{e['kind']}-> {label[e['to']]}" for e in g["edges"]}


def runlens_serve(data: Path, *watch: Path):
    return serve(data, *watch, client=LineageRunlens)
