"""Ctrl-C in a training loop: the run ends KILLED with every point logged before it, once."""

from __future__ import annotations

import signal
import textwrap

import pytest

from conftest import Script, client_env, read_line

LOOP = textwrap.dedent("""
    i = 0
    while True:
        run.log({"v": float(i)}, step=i)
        i += 1
        if i == 5000:
            print(json.dumps({"logged": i}), flush=True)
        if i % 100 == 0:
            time.sleep(0.001)
""")


@pytest.mark.parametrize("form", ["plain", "with"])
def test_keyboard_interrupt_kills_the_run_and_keeps_its_points(tmp_path, data, server, form):
    if form == "plain":
        body = 'run = runlens.init(experiment="interrupt", name="plain")\nprint(json.dumps({"id": run.id}), flush=True)\n' + LOOP
    else:
        indented = textwrap.indent(LOOP, "    ")
        body = 'with runlens.init(experiment="interrupt", name="with") as run:\n    print(json.dumps({"id": run.id}), flush=True)\n' + indented
    script = Script(tmp_path, "import json, time, runlens\n" + body)
    child = script.start(client_env(tmp_path, RUNLENS_DATA=str(data)))
    run_id = read_line(child)["id"]
    assert read_line(child) == {"logged": 5000}
    child.send_signal(signal.SIGINT)
    rc = child.wait(timeout=60)
    assert rc != 0, "KeyboardInterrupt still ends the script"

    run = server.run(run_id)
    assert run["status"] == "KILLED"
    points = server.points(run_id, "v")
    assert len(points) >= 5000
    assert points == [(i, float(i)) for i in range(len(points))], "a gapless prefix, nothing twice"
