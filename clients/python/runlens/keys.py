"""MLflow's key rule, checked where the key is logged so a bad key fails at the line that wrote it
instead of sinking a whole background batch (the server's check: src-shared/metric-point-check.ts)."""

import re
from typing import Optional

from .errors import RunlensError

KEY_MAX_LENGTH = 250
PARAM_VALUE_MAX_LENGTH = 6000
TAG_VALUE_MAX_LENGTH = 8000
# ASCII only, as the server's JavaScript `\w` is.
_KEY_PATTERN = re.compile(r"[A-Za-z0-9_\-./: ]+")


def key_problem(key: object) -> Optional[str]:
    """Why the server would refuse this metric, param or tag key, or None when it is fine."""
    if not isinstance(key, str):
        return "must be a string"
    if not key:
        return "must not be empty"
    if len(key) > KEY_MAX_LENGTH:
        return f"must be at most {KEY_MAX_LENGTH} characters"
    if not _KEY_PATTERN.fullmatch(key):
        return "may contain only letters, digits, spaces and _ - . / :"
    if key.startswith("/") or ".." in key.split("/"):
        return "must be a relative name without .."
    return None


def check_key(kind: str, key: object) -> str:
    """The key itself when valid; RunlensError naming the key and the rule otherwise."""
    problem = key_problem(key)
    if problem or not isinstance(key, str):
        raise RunlensError(f"{kind} key {key!r} {problem}")
    return key
