"""What the client records for free at init: interpreter, host, command line, git state and the
installed packages."""

from __future__ import annotations

import importlib.metadata
import platform
import socket
import subprocess

import pytest

from conftest import Script, client_env, read_line

RECORD = """
    import json, runlens
    run = runlens.init(experiment="records", name="free")
    run.finish()
    print(json.dumps({"id": run.id, "version": runlens.__version__}))
"""


def git(repo, *args: str) -> str:
    out = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                         env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                              "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": "/dev/null", "PATH": "/usr/bin:/bin"})
    return out.stdout.strip()


def test_python_host_command_client_and_requirements(tmp_path, data, server):
    out = Script(tmp_path, RECORD).run(client_env(tmp_path, RUNLENS_DATA=str(data)), args=("--epochs", "3"))
    tags = server.run(out["id"])["tags"]
    assert tags["runlens.python"] == platform.python_version()
    assert tags["runlens.host"] == socket.gethostname()
    assert tags["runlens.command"].endswith("train.py --epochs 3")
    assert tags["runlens.client"] == out["version"]
    assert "runlens.notebook" not in tags, "a script is not a notebook"
    # The scratch folder is not a git repository: no commit to claim.
    assert "mlflow.source.git.commit" not in tags and "runlens.git.dirty" not in tags

    assert not server.artifacts(out["id"], "runlens")["runlens/requirements.txt"]["isDir"]
    lines = server.artifact_text(out["id"], "runlens/requirements.txt").splitlines()
    assert lines == sorted(lines, key=str.lower) or lines == sorted(lines)
    assert f"pytest=={importlib.metadata.version('pytest')}" in lines
    assert f"pandas=={importlib.metadata.version('pandas')}" in lines
    assert all("==" in line for line in lines)


@pytest.mark.parametrize("dirty", [False, True], ids=["clean", "dirty"])
def test_git_commit_and_dirty_flag(tmp_path, data, server, dirty):
    repo = tmp_path / "project"
    repo.mkdir()
    git(repo, "init", "-q")
    script = Script(repo, RECORD)
    git(repo, "add", "train.py")
    git(repo, "commit", "-q", "-m", "train")
    if dirty:
        script.path.write_text(script.path.read_text() + "# tweak\n")
    out = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)), cwd=repo)
    tags = server.run(out["id"])["tags"]
    assert tags["mlflow.source.git.commit"] == git(repo, "rev-parse", "HEAD")
    assert tags["runlens.git.dirty"] == ("true" if dirty else "false")


def test_system_metrics_are_sampled_when_asked(tmp_path, data, server):
    go = tmp_path / "go"
    script = Script(tmp_path, f"""
        import json, os, time, runlens
        run = runlens.init(experiment="records", name="system", system_metrics=True)
        print(json.dumps({{"id": run.id}}), flush=True)
        while not os.path.exists({str(go)!r}):
            time.sleep(0.05)
        run.finish()
    """)
    child = script.start(client_env(tmp_path, RUNLENS_DATA=str(data)))
    run_id = read_line(child)["id"]
    # Sampled every 10 s: wait for the first sample, however long the machine takes.
    keys = lambda: {m["key"] for m in server.run(run_id)["metrics"]}  # noqa: E731
    server.wait_until("a system metrics sample", lambda: {"system/cpu_percent", "system/memory_percent"} <= keys())
    go.touch()
    assert child.wait(timeout=60) == 0, child.stderr.read()
    for key in ("system/cpu_percent", "system/memory_percent"):
        points = server.points(run_id, key)
        assert points and all(0 <= v <= 100 for _, v in points), points
        # Step: whole seconds since the run started, the sampling interval apart.
        assert points[0][0] >= 10
