import sys
import types
from typing import Any, Dict

import pytest

from runlens.notebook import in_notebook, notebook_path
from runlens.system_info import system_tags


def fake_ipython(monkeypatch: pytest.MonkeyPatch, kernel: bool, user_ns: Dict[str, Any]) -> None:
    shell = types.SimpleNamespace(kernel=object() if kernel else None, user_ns=user_ns)
    module = types.ModuleType("IPython")
    module.get_ipython = lambda: shell  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", module)


def test_a_script_is_not_a_notebook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "IPython", raising=False)
    assert not in_notebook()
    fake_ipython(monkeypatch, kernel=False, user_ns={})
    assert not in_notebook()  # a terminal IPython has no kernel


def test_the_notebook_path_comes_from_jupyter_or_vs_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    fake_ipython(monkeypatch, kernel=True, user_ns={"__session__": "/work/nb/vscode.ipynb"})
    assert in_notebook() and notebook_path() == "/work/nb/vscode.ipynb"
    monkeypatch.setenv("JPY_SESSION_NAME", "/work/nb/train.ipynb")
    assert notebook_path() == "/work/nb/train.ipynb"
    tags = system_tags()
    assert tags["runlens.notebook"] == "/work/nb/train.ipynb" and "runlens.command" not in tags


def test_a_kernel_that_does_not_name_its_notebook_records_neither(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    fake_ipython(monkeypatch, kernel=True, user_ns={})
    tags = system_tags()
    assert "runlens.notebook" not in tags and "runlens.command" not in tags
