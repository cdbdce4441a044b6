"""A two-stage pipeline (prepare: raw.csv → clean.csv; train: clean.csv + params → model.pkl and
metrics.json) made and run by real `dvc`, watched by `runlens serve`, then run again on changed
raw data. A stage that runs again on other data is another run (one per lock state of the stage):
the earlier runs keep the versions they used and made, and carry "newer data available"."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from conftest import dvc, read_lock, runlens_serve

PREPARE = "import pathlib\npathlib.Path('clean.csv').write_text(pathlib.Path('raw.csv').read_text().upper())\n"
TRAIN = (
    "import json, pickle, yaml\n"
    "lr = yaml.safe_load(open('params.yaml'))['train']['lr']\n"
    "rows = open('clean.csv').read().splitlines()[1:]\n"
    "pickle.dump({'rows': rows, 'lr': lr}, open('model.pkl', 'wb'))\n"
    "json.dump({'rows': len(rows)}, open('metrics.json', 'w'))\n"
)

EDGES = {
    "raw.csv -input-> prepare{}",
    "prepare{} -output-> clean.csv",
    "raw.csv -derived-> clean.csv",
    "clean.csv -input-> train{}",
    "train{} -output-> model.pkl",
    "train{} -output-> metrics.json",
    "clean.csv -derived-> model.pkl",
    "clean.csv -derived-> metrics.json",
}


def make_pipeline(project: Path) -> None:
    project.mkdir(parents=True)
    (project / "raw.csv").write_text("id,label\n1,a\n2,b\n")
    (project / "prepare.py").write_text(PREPARE)
    (project / "train.py").write_text(TRAIN)
    (project / "params.yaml").write_text("train:\n  lr: 0.1\n  epochs: 3\n")
    dvc(project, "init", "--no-scm", "-q")
    dvc(project, "stage", "add", "-n", "prepare", "-d", "raw.csv", "-o", "clean.csv", "python prepare.py")
    dvc(project, "stage", "add", "-n", "train", "-d", "clean.csv", "-p", "train.lr,train.epochs", "-o", "model.pkl", "-M", "metrics.json", "python train.py")
    dvc(project, "repro", "-q")


def run_count(graph: dict) -> int:
    return sum(n["kind"] == "run" for n in graph["nodes"])


def versions(rl, name: str) -> list[dict]:
    return rl.get(f"/api/v1/datasets/{urllib.parse.quote(name, safe='')}")["versions"]


def test_pipeline_lineage_and_a_repro_on_new_data(tmp_path: Path):
    root = tmp_path / "watched"
    project = root / "pipeline"
    make_pipeline(project)
    lock = read_lock(project)["stages"]

    with runlens_serve(tmp_path / "data", root) as rl:
        rl.wait_for("the two stages", lambda: run_count(rl.lineage()), 2)
        graph = rl.lineage()
        nodes = {(n["kind"], n["label"]) for n in graph["nodes"]}
        assert nodes == {("run", "prepare"), ("run", "train"), ("dataset", "raw.csv"), ("dataset", "clean.csv"), ("dataset", "model.pkl"), ("artifact", "metrics.json")}
        assert rl.labelled_edges() == {e.format("") for e in EDGES}

        for stage, key in (("prepare", "deps"), ("prepare", "outs"), ("train", "outs")):
            for entry in lock[stage][key]:
                [v] = versions(rl, entry["path"])
                assert v["digest"] == f"md5:{entry['md5']}"
                assert v["sizeBytes"] == entry["size"]
                assert v["uri"] == str(project / entry["path"])
        runs = {r["name"]: r for r in rl.runs().values()}
        assert runs["train"]["sourceKind"] == "dvc"
        assert runs["train"]["experiment"] == "pipeline"
        assert runs["train"]["status"] == "FINISHED"
        assert runs["train"]["params"] == {"train.lr": "0.1", "train.epochs": "3"}
        assert runs["train"]["tags"]["dvc.cmd"] == "python train.py"
        assert not any(r["newerDataAvailable"] for r in runs.values())

        # Upstream of the model: the chain back to raw.csv, and nothing else.
        model = next(n for n in graph["nodes"] if n["label"] == "model.pkl")
        up = rl.lineage(focus=model["id"], direction="upstream")
        assert {n["label"] for n in up["nodes"]} == {"model.pkl", "train", "clean.csv", "prepare", "raw.csv"}

        (project / "raw.csv").write_text("id,label\n1,a\n2,b\n3,c\n")
        dvc(project, "repro", "-q")
        new_lock = read_lock(project)["stages"]
        rl.wait_for("the stages run again", lambda: run_count(rl.lineage()), 4)

        raw = versions(rl, "raw.csv")
        assert [v["digest"] for v in raw] == [f"md5:{lock['prepare']['deps'][0]['md5']}", f"md5:{new_lock['prepare']['deps'][0]['md5']}"]
        graph = rl.lineage()
        by_version = {(n["label"], n.get("version")): n for n in graph["nodes"] if n["kind"] != "run"}
        assert by_version[("raw.csv", 1)]["newerVersion"] and not by_version[("raw.csv", 2)]["newerVersion"]
        assert by_version[("clean.csv", 1)]["newerDataAvailable"] and by_version[("model.pkl", 1)]["newerDataAvailable"]
        assert not by_version[("clean.csv", 2)]["newerDataAvailable"] and not by_version[("model.pkl", 2)]["newerDataAvailable"]
        # Both generations, each with its own chain: the earlier runs starred.
        assert rl.labelled_edges() == {e.format("*") for e in EDGES} | {e.format("") for e in EDGES}
        stale = rl.get("/api/v1/runs?" + urllib.parse.urlencode({"filter": "attributes.newer_data = 'true'"}))["runs"]
        assert sorted(r["name"] for r in stale) == ["prepare", "train"]
        assert all(r["params"] == {"train.lr": "0.1", "train.epochs": "3"} for r in rl.runs().values() if r["name"] == "train")
