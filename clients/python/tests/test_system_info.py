import platform
import shutil
import subprocess
from pathlib import Path

import pytest

from runlens.system_info import git_tags, requirements_text, system_tags
from runlens.version import __version__


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_commit_and_dirty_flag_in_a_repository(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "train.py").write_text("print(1)\n")
    git(tmp_path, "add", "train.py")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
    head = git(tmp_path, "rev-parse", "HEAD")
    assert git_tags(tmp_path) == {"mlflow.source.git.commit": head, "runlens.git.dirty": "false"}
    (tmp_path / "train.py").write_text("print(2)\n")
    assert git_tags(tmp_path) == {"mlflow.source.git.commit": head, "runlens.git.dirty": "true"}


def test_no_git_tags_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert git_tags(tmp_path) == {}


def test_no_git_tags_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert git_tags(Path.cwd()) == {}


def test_a_script_records_python_host_command_and_client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.argv", ["train.py", "--lr", "0.1"])
    tags = system_tags(tmp_path)
    assert tags["runlens.python"] == platform.python_version()
    assert tags["runlens.host"] and tags["runlens.client"] == __version__
    assert tags["runlens.command"] == "train.py --lr 0.1" and "runlens.notebook" not in tags


def test_requirements_name_every_installed_package_sorted() -> None:
    lines = requirements_text().splitlines()
    assert "pytest==" + pytest.__version__ in lines
    assert lines == sorted(lines, key=str.lower) and all("==" in line for line in lines)
