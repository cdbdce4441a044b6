"""Metric and param values as the native API and the run-folder format take them."""

import math
from typing import Any, Dict, Union

from .errors import RunlensError

# Non-finite values travel as the API's strings (README "Values"): valid JSON for every reader.
WireValue = Union[float, str]
ParamValue = Union[str, int, float, bool]
# A JSON object as the API and the run-folder files carry it.
JsonObject = Dict[str, Any]


def metric_value(key: str, value: object) -> WireValue:
    """A float, or "NaN" / "Infinity" / "-Infinity"; anything float() takes (numpy and torch scalars too)."""
    if isinstance(value, (str, bytes)):
        raise RunlensError(f"metric {key!r}: value {value!r} is not a number")
    try:
        number = float(value)  # type: ignore[arg-type]  # any object with __float__
    except (TypeError, ValueError):
        raise RunlensError(f"metric {key!r}: value {value!r} is not a number") from None
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    return number


def param_value(value: object) -> ParamValue:
    """Strings, numbers and booleans as they are; anything else (None, lists, objects) as its str()."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # the API's params are JSON numbers, which have no NaN
    if isinstance(value, (str, bool, int, float)):
        return value
    return str(value)
