"""Scripts run sandboxed: escapes are refused and leave no trace on the server."""
from __future__ import annotations

import sys

import pytest

from workflow_app.engine.sandbox import SandboxEnvironment, ScriptRefused, compile_script, days, hours


def run(script: str, data: dict | None = None) -> dict:
    context = dict(data or {})
    SandboxEnvironment({"days": days, "hours": hours}).execute(script, context)
    return context


def evaluate(expression: str, data: dict | None = None):
    return SandboxEnvironment({"days": days, "hours": hours}).evaluate(expression, dict(data or {}))


def test_ordinary_scripts_and_helpers_work():
    assert run("total = a + b\nitems = [x * 2 for x in range(3)]", {"a": 1, "b": 2}) == {
        "a": 1, "b": 2, "total": 3, "items": [0, 2, 4]}
    assert evaluate('days(settings["d"])', {"settings": {"d": 3}}) == "P3D"
    assert evaluate("hours(2)") == "PT2H"
    assert evaluate('kind == "khan_cap"', {"kind": "khan_cap"}) is True


@pytest.mark.parametrize("source", [
    "__import__('os')",
    "().__class__.__bases__",
    "x.__globals__",
    "while True:\n    pass",
])
def test_escapes_are_refused_at_compile_time(source):
    with pytest.raises(SyntaxError):
        compile_script(source, "exec")


@pytest.mark.parametrize("source, error", [
    ("import os", ImportError),
    ("f = open('/etc/hostname')", NameError),
    ("g = getattr(len, '__globals__')", (AttributeError, NameError)),
    ("xs = [0 for _ in range(10**9)]", ScriptRefused),
    ("xs = list(range(10**9))", ScriptRefused),
    ("n = 7 ** 3000000", ScriptRefused),
    ("s = 'a' * 10**8", ScriptRefused),
    ("big = [1] * 90000 + [2] * 90000", (ScriptRefused, Exception)),
])
def test_escapes_are_refused_at_run_time(source, error):
    modules_before = set(sys.modules)
    with pytest.raises(error):
        run(source)
    assert "os" not in set(sys.modules) - modules_before


def test_a_value_too_large_for_task_data_is_refused():
    with pytest.raises(ScriptRefused):
        run("blob = 'x' * 90000 + 'y' * 90000 + 'z' * 90000")


def test_a_refused_script_leaves_the_data_unchanged():
    data = {"cfg": {"k": 1}}
    context = dict(data)
    with pytest.raises(ScriptRefused):
        SandboxEnvironment({}).execute("cfg['k'] = 2\nn = 7 ** 3000000", context)
    assert context == {"cfg": {"k": 1}}
