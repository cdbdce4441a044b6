"""`runlens ingest PATH` on stores the real mlflow package wrote."""

from __future__ import annotations

import pytest

from mlflow_truth import check_store, read_truth
from runlens_proc import runlens_ingest, runlens_serve


@pytest.mark.parametrize("how", ["containing-folder", "store-itself"])
def test_ingest_imports_every_value_once(mlflow_store, how, tmp_path):
    truth = read_truth(mlflow_store)
    # The fixture set covers what the import must handle; a broken fixture would prove nothing.
    assert len(truth.runs) == 6 and len(truth.experiments) == 3
    data = tmp_path / "data"
    runs, points, problems = runlens_ingest(mlflow_store.paths()[how], data)
    assert problems == []
    assert (runs, points) == (len(truth.runs), truth.point_count)
    assert runlens_ingest(mlflow_store.paths()[how], data)[1] == 0, "a second ingest must add no points"
    with runlens_serve(data) as rl:
        check_store(rl, truth, mlflow_store)


def test_ingest_of_both_paths_into_one_data_dir_adds_nothing_twice(mlflow_store, tmp_path):
    data = tmp_path / "data"
    first = runlens_ingest(mlflow_store.paths()["containing-folder"], data)
    assert first[1] > 0
    assert runlens_ingest(mlflow_store.paths()["store-itself"], data)[1] == 0
