"""`pip install clients/python` gives a package that works with the standard library alone."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import CLIENT, Script, client_env, last_json


def test_pip_installs_it_and_it_logs_from_a_bare_interpreter(tmp_path, data, server):
    # Built from a copy: an in-tree build would leave build/ and *.egg-info in the checkout.
    source = tmp_path / "source"
    shutil.copytree(CLIENT, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", "tests"))
    site = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index", "--target", str(site), str(source)],
                         capture_output=True, text=True, timeout=180)
    assert pip.returncode == 0, pip.stderr
    assert (site / "runlens" / "py.typed").exists(), "typed: py.typed ships with the package"

    # A venv with nothing installed: no numpy, pandas or psutil to lean on.
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True, timeout=120)
    csv = tmp_path / "d.csv"
    csv.write_text("a,b\n1,x\n")
    script = Script(tmp_path, f"""
        import json, sys, runlens
        run = runlens.init(experiment="bare", name="stdlib-only", config={{"a": 1}})
        run.log({{"loss": 0.5}}, step=0)
        run.log_dataset({str(csv)!r}, name="d")
        run.finish()
        print(json.dumps({{"id": run.id, "file": runlens.__file__, "modules": sorted(m for m in ("numpy", "pandas", "psutil") if m in sys.modules)}}))
    """)
    out = subprocess.run([str(bare / "bin" / "python"), str(script.path)], env=client_env(tmp_path, RUNLENS_DATA=str(data), PYTHONPATH=str(site)),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = last_json(out.stdout, out.stderr)
    assert got["file"].startswith(str(site)) and got["modules"] == []
    run = server.run(got["id"])
    assert (run["name"], run["status"], str(run["params"]["a"])) == ("stdlib-only", "FINISHED", "1")
    assert server.points(got["id"], "loss") == [(0, 0.5)]
    assert [i["name"] for i in server.io(got["id"])["inputs"]] == ["d"]
