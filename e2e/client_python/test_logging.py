"""Every call of the client against a running server, read back through the native API."""

from __future__ import annotations

import hashlib
import json

from conftest import Script, client_env

EVERY_CALL = """
    import json, runlens

    run = runlens.init(
        experiment="client-e2e",
        name="every-call",
        config={"lr": 0.01, "epochs": 5, "model": {"depth": 3, "act": "relu"}},
        tags={"team": "vision"},
    )
    for i in range(5):
        run.log({"loss": 1.0 / (i + 1), "acc": i / 10}, step=i)
    runlens.log({"lr_now": 0.25}, step=7)
    run.log_params({"batch_size": 32})
    run.set_tags({"stage": "tuning", "team": "vision-2"})
    run.finish(status="FINISHED")
    print(json.dumps({"id": run.id}))
"""


def check_every_call(server, run_id: str) -> None:
    run = server.run(run_id)
    assert (run["experiment"], run["name"], run["status"]) == ("client-e2e", "every-call", "FINISHED")
    assert run["endTime"] is not None and run["endTime"] >= run["startTime"]
    # Nested config becomes dotted params; logged params join them.
    params = {k: str(v) for k, v in run["params"].items()}
    assert params == {"lr": "0.01", "epochs": "5", "model.depth": "3", "model.act": "relu", "batch_size": "32"}
    assert run["tags"]["team"] == "vision-2" and run["tags"]["stage"] == "tuning"
    assert server.points(run_id, "loss") == [(i, 1.0 / (i + 1)) for i in range(5)]
    assert server.points(run_id, "acc") == [(i, i / 10) for i in range(5)]
    # runlens.log: the one-liner goes to the current run.
    assert server.points(run_id, "lr_now") == [(7, 0.25)]


def test_finds_the_server_through_the_data_dir(tmp_path, data, server):
    """RUNLENS_DATA only: the URL comes from <data>/server.json, the token from <data>/token."""
    out = Script(tmp_path, EVERY_CALL).run(client_env(tmp_path, RUNLENS_DATA=str(data)))
    check_every_call(server, out["id"])
    assert server.run(out["id"])["sourceKind"] == "api", "logged over HTTP, not through the spool"
    assert not any((data / "spool").glob("*/run.json")), "nothing went to the spool"


def test_finds_the_server_through_url_and_token(tmp_path, server):
    """RUNLENS_URL and RUNLENS_TOKEN name the server; the client's data dir has no server.json."""
    elsewhere = tmp_path / "client-data"
    env = client_env(tmp_path, RUNLENS_URL=server.url, RUNLENS_TOKEN=server.token, RUNLENS_DATA=str(elsewhere))
    out = Script(tmp_path, EVERY_CALL).run(env)
    check_every_call(server, out["id"])
    assert not any((elsewhere / "spool").glob("*/run.json")), "nothing went to the spool"


def test_context_manager_finishes_and_an_exception_inside_fails(tmp_path, data, server):
    script = Script(tmp_path, """
        import json, runlens

        with runlens.init(experiment="ctx", name="ok") as ok:
            ok.log({"x": 1.0}, step=0)
        try:
            with runlens.init(experiment="ctx", name="boom") as boom:
                boom.log({"x": 2.0}, step=0)
                raise ValueError("diverged")
        except ValueError:
            pass
        killed = runlens.init(experiment="ctx", name="stopped")
        killed.finish(status="KILLED")
        print(json.dumps({"ok": ok.id, "boom": boom.id, "killed": killed.id}))
    """)
    out = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)))
    assert server.run(out["ok"])["status"] == "FINISHED"
    assert server.run(out["boom"])["status"] == "FAILED"
    assert server.run(out["killed"])["status"] == "KILLED"
    # Points logged before the exception are flushed, not dropped with the failing block.
    assert server.points(out["boom"], "x") == [(0, 2.0)]


def test_an_uncaught_exception_fails_the_run_and_unfinished_runs_finish_at_exit(tmp_path, data, server):
    env = client_env(tmp_path, RUNLENS_DATA=str(data))
    crash = Script(tmp_path, """
        import json, runlens
        run = runlens.init(experiment="exit", name="crash")
        print(json.dumps({"id": run.id}), flush=True)
        for i in range(100):
            run.log({"x": float(i)}, step=i)
        raise RuntimeError("out of memory")
    """, name="crash.py")
    crashed = crash.run(env, expect_rc=1)
    clean = Script(tmp_path, """
        import json, runlens
        run = runlens.init(experiment="exit", name="clean")
        for i in range(100):
            run.log({"x": float(i)}, step=i)
        print(json.dumps({"id": run.id}))
    """, name="clean.py").run(env)
    assert server.run(crashed["id"])["status"] == "FAILED"
    assert server.run(clean["id"])["status"] == "FINISHED"
    for run_id in (crashed["id"], clean["id"]):
        assert server.points(run_id, "x") == [(i, float(i)) for i in range(100)], "flushed at exit"


def test_log_dataset_from_a_path_and_from_a_dataframe(tmp_path, data, server):
    csv = tmp_path / "iris.csv"
    csv.write_text("sepal_length,petal_count,species\n5.1,3,setosa\n6.2,4,versicolor\n5.9,5,virginica\n")
    script = Script(tmp_path, f"""
        import json, pandas, runlens
        frame = pandas.DataFrame({{"age": [31, 45, 27, 52], "income": [1.5, 2.25, 0.75, 3.0], "city": ["a", "b", "c", "d"]}})
        run = runlens.init(experiment="data", name="lineage")
        run.log_dataset({str(csv)!r}, name="iris", context="train")
        run.log_dataset(frame, name="people", context="validation")
        run.finish()
        print(json.dumps({{"id": run.id, "csv": frame.to_csv(index=False)}}))
    """)
    out = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)))

    inputs = {i["name"]: i for i in server.io(out["id"])["inputs"]}
    assert set(inputs) == {"iris", "people"}
    assert inputs["iris"]["context"] == "train" and inputs["people"]["context"] == "validation"

    # A path on this machine: the core digests the file's bytes and reads its schema.
    iris = server.dataset_versions("iris")
    assert len(iris) == 1
    assert iris[0]["digest"] == "sha256:" + hashlib.sha256(csv.read_bytes()).hexdigest()
    assert inputs["iris"]["digest"] == iris[0]["digest"]
    assert iris[0]["rows"] == 3
    assert [(c["name"], c["type"]) for c in iris[0]["columns"]] == [("sepal_length", "double"), ("petal_count", "int64"), ("species", "string")]

    # A DataFrame: the client digests its CSV text and sends the schema pandas knows.
    people = server.dataset_versions("people")
    assert len(people) == 1
    assert people[0]["digest"] == "sha256:" + hashlib.sha256(out["csv"].encode("utf-8")).hexdigest()
    assert inputs["people"]["digest"] == people[0]["digest"]
    assert people[0]["rows"] == 4
    assert [(c["name"], c["type"]) for c in people[0]["columns"]] == [("age", "int64"), ("income", "double"), ("city", "string")]


def test_log_artifact_file_and_folder(tmp_path, data, server):
    report = tmp_path / "report.txt"
    report.write_text("accuracy 0.93\n")
    plots = tmp_path / "plots"
    (plots / "deep").mkdir(parents=True)
    (plots / "curve.csv").write_text("step,loss\n0,1.0\n")
    (plots / "deep" / "note.txt").write_text("nested\n")
    script = Script(tmp_path, f"""
        import json, runlens
        run = runlens.init(experiment="files", name="artifacts")
        run.log_artifact({str(report)!r})
        run.log_artifact({str(plots)!r})
        run.finish()
        print(json.dumps({{"id": run.id}}))
    """)
    run_id = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)))["id"]

    root = server.artifacts(run_id)
    assert root["report.txt"] == {"path": "report.txt", "isDir": False, "size": report.stat().st_size}
    assert server.artifact_text(run_id, "report.txt") == "accuracy 0.93\n"
    # A folder keeps its name and its whole tree.
    assert root["plots"]["isDir"]
    assert set(server.artifacts(run_id, "plots")) == {"plots/curve.csv", "plots/deep"}
    assert server.artifact_text(run_id, "plots/deep/note.txt") == "nested\n"


def test_log_model(tmp_path, data, server):
    model = tmp_path / "model"
    model.mkdir()
    (model / "MLmodel").write_text("flavors:\n  python_function: {}\n")
    (model / "weights.bin").write_bytes(bytes(range(256)) * 4096)
    script = Script(tmp_path, f"""
        import json, runlens
        run = runlens.init(experiment="files", name="model")
        run.log_model({str(model)!r}, name="classifier")
        run.finish()
        print(json.dumps({{"id": run.id}}))
    """)
    run_id = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)))["id"]

    models = server.io(run_id)["models"]
    assert [m["name"] for m in models] == ["classifier"]
    files = server.artifacts(run_id, model_id=models[0]["id"])
    assert files["weights.bin"]["size"] == 256 * 4096 and not files["MLmodel"]["isDir"]


def test_numpy_scalars_and_non_finite_values_over_http_and_through_the_spool(tmp_path, data, server):
    """What a training loop really passes: numpy scalars, and a loss that blew up to NaN or inf."""
    script = Script(tmp_path, """
        import json, sys, numpy, runlens
        run = runlens.init(experiment="values", name=sys.argv[1], config={"lr": numpy.float32(0.5), "layers": numpy.int64(3)})
        run.log({"loss": numpy.float32(0.25), "count": numpy.int64(7)}, step=0)
        run.log({"loss": float("nan"), "count": numpy.int64(8)}, step=1)
        run.log({"loss": numpy.inf, "count": -numpy.inf}, step=2)
        run.finish()
        print(json.dumps({"id": run.id}))
    """)
    online = script.run(client_env(tmp_path, RUNLENS_DATA=str(data)), args=("online",))["id"]
    offline_data = tmp_path / "offline"
    offline = script.run(client_env(tmp_path, RUNLENS_DATA=str(offline_data)), args=("offline",))["id"]
    # Another data dir's spool: this server reads it as any watched folder.
    server.watch(offline_data / "spool")
    server.wait_for("the offline run ingested", lambda: offline in server.runs() and server.run(offline)["status"], "FINISHED")
    for run_id in (online, offline):
        assert server.points(run_id, "loss") == [(0, 0.25), (1, "NaN"), (2, "Infinity")]
        assert server.points(run_id, "count") == [(0, 7), (1, 8), (2, "-Infinity")]
        assert {k: str(v) for k, v in server.run(run_id)["params"].items()} == {"lr": "0.5", "layers": "3"}

