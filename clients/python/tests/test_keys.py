import pytest

import runlens
from runlens.keys import key_problem


@pytest.mark.parametrize("key", ["loss", "train/loss", "a.b-c_d:e f", "x" * 250, "a/b..c"])
def test_keys_the_server_takes(key: str) -> None:
    assert key_problem(key) is None


@pytest.mark.parametrize(
    "key, problem",
    [
        ("", "empty"),
        ("x" * 251, "at most 250"),
        ("loss!", "only letters"),
        ("über", "only letters"),
        ("/abs", "relative"),
        ("a/../b", "relative"),
        (3, "string"),
    ],
)
def test_keys_the_server_refuses(key: object, problem: str) -> None:
    found = key_problem(key)
    assert found is not None and problem in found


def test_a_bad_metric_key_raises_at_the_log_call_and_logs_nothing_of_that_call() -> None:
    run = runlens.init(experiment="keys")
    with pytest.raises(runlens.RunlensError, match="metric key 'bad!'"):
        run.log({"good": 1.0, "bad!": 2.0}, step=0)
    run.log({"good": 3.0}, step=1)
    run.finish()
    assert run.folder is not None
    lines = (run.folder / "metrics.jsonl").read_text().splitlines()
    assert len(lines) == 1 and '"value": 3.0' in lines[0]


def test_a_bad_param_or_tag_key_raises() -> None:
    run = runlens.init(experiment="keys")
    with pytest.raises(runlens.RunlensError, match="param key"):
        run.log_params({"a b?": 1})
    with pytest.raises(runlens.RunlensError, match="tag key"):
        run.set_tags({"/t": "x"})
    with pytest.raises(runlens.RunlensError, match="param key"):
        runlens.init(config={"ok": {"no?way": 1}})
    assert runlens.current_run() is run  # a refused init leaves the current run alone
