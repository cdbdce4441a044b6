"""Nothing lost when the app is closed: a server killed or frozen mid-run, a server never started,
a client killed outright. The client writes the run folder into <data>/spool/, and `runlens serve`
ingests it when it starts, each point once."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal

import pytest

from runlens_proc import Runlens

from conftest import Script, client_env, kill_server, read_line, runlens_serve

N = 200_000


def spooled(data, run_id: str) -> tuple[dict, list[dict]]:
    folder = data / "spool" / run_id
    meta = json.loads((folder / "run.json").read_text())
    lines = [json.loads(line) for line in (folder / "metrics.jsonl").read_text().splitlines()]
    return meta, lines


@pytest.mark.parametrize("restart", ["after-the-run", "while-it-logs"])
def test_server_killed_mid_run_then_restarted_keeps_every_point_exactly_once(tmp_path, data, restart):
    go = tmp_path / "go"
    # Halfway the script waits for the test to have killed the server, so the second half is
    # surely logged with no server, while the first half may be anywhere: acknowledged, in
    # flight when the server died, or still queued in the client.
    script = Script(tmp_path, f"""
        import json, os, time, runlens
        run = runlens.init(experiment="offline", name="killed-mid-run", config={{"n": {N}}}, tags={{"case": "kill"}})
        print(json.dumps({{"id": run.id}}), flush=True)
        for i in range({N}):
            if i == {N // 2}:
                while not os.path.exists({str(go)!r}):
                    time.sleep(0.01)
            run.log({{"v": i * 0.5, "w": -i}}, step=i)
        run.finish()
        print(json.dumps({{"done": True}}), flush=True)
    """)
    with runlens_serve(data) as server:
        child = script.start(client_env(tmp_path, RUNLENS_DATA=str(data)))
        run_id = read_line(child)["id"]
        # Kill as soon as the first points are stored: the client is still sending.
        server.wait_until("first points stored", lambda: any(m["count"] > 0 for m in server.run(run_id)["metrics"]), poll=0.02)
        kill_server(server)

    def finish_the_run() -> None:
        go.touch()
        assert read_line(child) == {"done": True}
        assert child.wait(timeout=60) == 0, child.stderr.read()
        # The rest of the run went to the spool under the server's run id, each point with its seq.
        meta, lines = spooled(data, run_id)
        assert (meta["id"], meta["status"]) == (run_id, "FINISHED")
        assert lines and all(isinstance(p["seq"], int) for p in lines)
        assert lines[-1]["step"] == N - 1

    if restart == "after-the-run":
        finish_the_run()
    with runlens_serve(data) as server:
        if restart == "while-it-logs":
            # The new server tails the spool folder while the client, which stays on it, writes.
            finish_the_run()
        server.wait_for("the run ingested whole", lambda: (server.run(run_id)["status"], sorted((m["key"], m["count"]) for m in server.run(run_id)["metrics"])),
                        ("FINISHED", [("v", N), ("w", N)]))
        run = server.run(run_id)
        assert (run["name"], str(run["params"]["n"]), run["tags"]["case"]) == ("killed-mid-run", str(N), "kill")
        assert server.points(run_id, "v") == [(i, i * 0.5) for i in range(N)]
        assert server.points(run_id, "w") == [(i, -i) for i in range(N)]
        assert [r["id"] for r in server.runs().values()] == [run_id], "one run, not a copy from the spool"


def test_a_frozen_server_that_commits_late_still_gets_every_point_once(tmp_path, data):
    """The server stops answering (SIGSTOP) with requests in flight: the client times out and
    moves to the spool, and when the server wakes it both commits those late requests and ingests
    the spool folder the client wrote meanwhile. The seq mark keeps each point once, whichever
    lands first."""
    n = 50_000
    go = tmp_path / "go"
    script = Script(tmp_path, f"""
        import json, os, time, runlens
        run = runlens.init(experiment="offline", name="frozen")
        print(json.dumps({{"id": run.id}}), flush=True)
        for i in range({n}):
            if i == {n // 2}:
                while not os.path.exists({str(go)!r}):
                    time.sleep(0.01)
            run.log({{"v": float(i)}}, step=i)
        run.finish()
        print(json.dumps({{"done": True}}), flush=True)
    """)
    with runlens_serve(data) as server:
        child = script.start(client_env(tmp_path, RUNLENS_DATA=str(data)))
        run_id = read_line(child)["id"]
        server.wait_until("first points stored", lambda: any(m["count"] > 0 for m in server.run(run_id)["metrics"]), poll=0.02)
        os.killpg(server.proc.pid, signal.SIGSTOP)
        try:
            go.touch()
            # The client gives up on the frozen server after its request timeout and spools the rest.
            assert read_line(child) == {"done": True}
            assert child.wait(timeout=60) == 0, child.stderr.read()
        finally:
            os.killpg(server.proc.pid, signal.SIGCONT)
        assert spooled(data, run_id)[0]["status"] == "FINISHED"
        server.wait_for("the run whole", lambda: (server.run(run_id)["status"], [(m["key"], m["count"]) for m in server.run(run_id)["metrics"]]),
                        ("FINISHED", [("v", n)]))
        assert server.points(run_id, "v") == [(i, float(i)) for i in range(n)]


@pytest.mark.parametrize("stale_server_json", [False, True], ids=["no-server-json", "stale-server-json"])
def test_server_never_started_writes_the_run_folder_and_serve_ingests_it(tmp_path, data, stale_server_json):
    if stale_server_json:
        # What a crashed server leaves behind: nothing listens on that port.
        data.mkdir(parents=True)
        (data / "server.json").write_text(json.dumps({"url": "http://127.0.0.1:9/", "port": 9, "pid": 999999}))
        (data / "token").write_text("stale-token")
    csv = tmp_path / "train.csv"
    csv.write_text("x,label\n0.5,1\n1.5,0\n")
    report = tmp_path / "report.txt"
    report.write_text("offline report\n")
    script = Script(tmp_path, f"""
        import json, runlens
        run = runlens.init(experiment="offline", name="never-served", config={{"lr": 0.1, "opt": {{"name": "adam"}}}}, tags={{"k": "v"}})
        for i in range(1000):
            run.log({{"loss": 1.0 / (i + 1)}}, step=i)
        run.log_params({{"batch": 64}})
        run.set_tags({{"stage": "offline"}})
        run.log_dataset({str(csv)!r}, name="train", context="train")
        run.log_artifact({str(report)!r})
        run.finish(status="FAILED")
        print(json.dumps({{"id": run.id}}))
    """)
    run_id = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)))["id"]

    assert re.fullmatch(r"[0-9a-f]{32}", run_id), "the client made the id itself (uuid4 hex)"
    meta, lines = spooled(data, run_id)
    assert (meta["id"], meta["experiment"], meta["name"], meta["status"]) == (run_id, "offline", "never-served", "FAILED")
    assert meta["endTime"] >= meta["startTime"]
    assert [p["seq"] for p in lines] == list(range(1, 1001))
    assert (data / "spool" / run_id / "artifacts" / "report.txt").read_text() == "offline report\n"

    with runlens_serve(data) as server:
        server.wait_for("the spooled run ingested", lambda: [(m["key"], m["count"]) for m in server.run(run_id)["metrics"]], [("loss", 1000)])
        run = server.run(run_id)
        assert (run["experiment"], run["name"], run["status"]) == ("offline", "never-served", "FAILED")
        assert {k: str(v) for k, v in run["params"].items()} == {"lr": "0.1", "opt.name": "adam", "batch": "64"}
        assert run["tags"]["k"] == "v" and run["tags"]["stage"] == "offline"
        assert server.points(run_id, "loss") == [(i, 1.0 / (i + 1)) for i in range(1000)]
        assert server.artifact_text(run_id, "report.txt") == "offline report\n"
        [train] = server.io(run_id)["inputs"]
        assert (train["name"], train["context"]) == ("train", "train")
        assert server.dataset_versions("train")[0]["rows"] == 2


def test_a_killed_process_loses_nothing_it_logged_more_than_a_second_ago(tmp_path, data):
    """No server, and the process dies without any exit handler (a kernel killed by the OOM
    killer): what it logged is already in the run folder, flushed within a second without any
    finish or exit, and serve ingests it."""
    script = Script(tmp_path, """
        import json, time, runlens
        run = runlens.init(experiment="offline", name="oom-killed")
        for i in range(1000):
            run.log({"loss": 1.0 / (i + 1)}, step=i)
        print(json.dumps({"id": run.id}), flush=True)
        time.sleep(600)
    """)
    child = script.start(client_env(tmp_path, RUNLENS_DATA=str(data)))
    run_id = read_line(child)["id"]
    jsonl = data / "spool" / run_id / "metrics.jsonl"
    probe = Runlens("", "", None, tmp_path)  # only its bounded polling: no server runs yet
    probe.wait_for("1000 points on disk", lambda: jsonl.exists() and jsonl.read_bytes().count(b"\n"), 1000, timeout=30)
    child.kill()
    child.wait(timeout=30)

    with runlens_serve(data) as server:
        server.wait_for("the spooled run ingested", lambda: [(m["key"], m["count"]) for m in server.run(run_id)["metrics"]], [("loss", 1000)])
        assert server.run(run_id)["status"] == "RUNNING", "nobody finished it"
        assert server.points(run_id, "loss") == [(i, 1.0 / (i + 1)) for i in range(1000)]


def test_a_dataframe_and_a_model_logged_offline_arrive_with_the_run(tmp_path, data):
    """inputs.json carries the frame's digest, schema and rows; outputs.json the model folder."""
    model = tmp_path / "model"
    model.mkdir()
    (model / "MLmodel").write_text("flavors: {}\n")
    script = Script(tmp_path, f"""
        import json, pandas, runlens
        frame = pandas.DataFrame({{"age": [31, 45, 27], "ok": [True, False, True], "city": ["a", "b", "c"]}})
        run = runlens.init(experiment="offline", name="frame")
        run.log_dataset(frame, name="people", context="eval")
        run.log_model({str(model)!r}, name="clf")
        run.finish()
        print(json.dumps({{"id": run.id, "csv": frame.to_csv(index=False)}}))
    """)
    out = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)))
    run_id = out["id"]
    assert (data / "spool" / run_id / "inputs.json").exists() and (data / "spool" / run_id / "outputs.json").exists()

    with runlens_serve(data) as server:
        server.wait_for("the spooled run ingested", lambda: server.run(run_id)["status"], "FINISHED")

        def recorded() -> dict | None:
            io = server.io(run_id)
            return io if io["inputs"] and io["models"] else None

        io = server.wait_until("its input and model", recorded)
        [people] = io["inputs"]
        assert (people["name"], people["context"]) == ("people", "eval")
        assert people["digest"] == "sha256:" + hashlib.sha256(out["csv"].encode("utf-8")).hexdigest()
        [version] = server.dataset_versions("people")
        assert version["rows"] == 3
        assert [(c["name"], c["type"]) for c in version["columns"]] == [("age", "int64"), ("ok", "bool"), ("city", "string")]
        assert [m["name"] for m in io["models"]] == ["clf"]
        assert "MLmodel" in server.artifacts(run_id, model_id=io["models"][0]["id"])


def test_what_is_logged_after_the_server_died_joins_the_run_it_created(tmp_path, data):
    """Params, tags, an artifact and a dataset logged after the switch to the spool land on the
    run the server created, beside what it already had (its requirements.txt artifact)."""
    go = tmp_path / "go"
    report = tmp_path / "report.txt"
    report.write_text("written offline\n")
    csv = tmp_path / "late.csv"
    csv.write_text("a\n1\n2\n")
    script = Script(tmp_path, f"""
        import json, os, time, runlens
        run = runlens.init(experiment="offline", name="late-files", config={{"early": 1}}, tags={{"t": "online"}})
        run.log({{"x": 0.0}}, step=0)
        print(json.dumps({{"id": run.id}}), flush=True)
        while not os.path.exists({str(go)!r}):
            time.sleep(0.01)
        run.log({{"x": 1.0}}, step=1)
        run.log_params({{"late": 2}})
        run.set_tags({{"t": "offline", "late": "yes"}})
        run.log_artifact({str(report)!r})
        run.log_dataset({str(csv)!r}, name="late", context="eval")
        run.finish()
    """)
    with runlens_serve(data) as server:
        child = script.start(client_env(tmp_path, RUNLENS_DATA=str(data)))
        run_id = read_line(child)["id"]
        server.wait_until("the first point stored", lambda: server.run(run_id)["metrics"], poll=0.02)
        kill_server(server)
    go.touch()
    assert child.wait(timeout=60) == 0, child.stderr.read()

    with runlens_serve(data) as server:
        server.wait_for("the run finished", lambda: server.run(run_id)["status"], "FINISHED")
        server.wait_until("its late input", lambda: server.io(run_id)["inputs"])
        run = server.run(run_id)
        assert {k: str(v) for k, v in run["params"].items()} == {"early": "1", "late": "2"}
        assert (run["tags"]["t"], run["tags"]["late"]) == ("offline", "yes")
        assert server.points(run_id, "x") == [(0, 0.0), (1, 1.0)]
        assert [(i["name"], i["context"]) for i in server.io(run_id)["inputs"]] == [("late", "eval")]
        listed = server.artifacts(run_id)
        assert {"runlens", "report.txt"} <= set(listed), f"the run's artifacts: {sorted(listed)}"
        assert server.artifact_text(run_id, "report.txt") == "written offline\n"
        assert server.artifact_text(run_id, "runlens/requirements.txt")
