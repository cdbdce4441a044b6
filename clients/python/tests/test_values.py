import math

import pytest

from runlens.config import flatten_config
from runlens.errors import RunlensError
from runlens.values import metric_value, param_value


def test_non_finite_values_travel_as_the_api_strings() -> None:
    assert metric_value("k", float("nan")) == "NaN"
    assert metric_value("k", math.inf) == "Infinity"
    assert metric_value("k", -math.inf) == "-Infinity"
    assert metric_value("k", 3) == 3.0
    assert metric_value("k", True) == 1.0


def test_a_value_that_is_not_a_number_is_refused_naming_the_key() -> None:
    for bad in ("0.5", None, [1]):
        with pytest.raises(RunlensError, match="metric 'k'"):
            metric_value("k", bad)


def test_params_keep_json_scalars_and_stringify_the_rest() -> None:
    assert param_value(0.1) == 0.1 and param_value("a") == "a" and param_value(True) is True
    assert param_value(None) == "None" and param_value([1, 2]) == "[1, 2]"
    assert param_value(float("nan")) == "nan"


def test_config_is_flattened_with_dot_keys() -> None:
    assert flatten_config({"lr": 0.1, "opt": {"name": "adam", "betas": {"b1": 0.9}}, "layers": [1, 2]}) == {
        "lr": 0.1,
        "opt.name": "adam",
        "opt.betas.b1": 0.9,
        "layers": [1, 2],
    }
