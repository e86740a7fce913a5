"""The script sandbox: every condition, timer expression and script runs here.

SpiffWorkflow evaluates expressions with plain `eval`/`exec`. Diagrams are edited by
process designers, not developers, so their code is untrusted: it is compiled with
RestrictedPython (no imports, no dunder access, guarded attribute/item/iteration access),
`while` is refused outright, iteration is capped, and a value a script writes into task
data may not grow beyond a fixed size. These checks bound the damage a script can do;
they are not a proof against every denial of service (see docs/adr/0004-sandbox.md).
"""
from __future__ import annotations

import ast
import copy
import functools
import json
import operator
import re
import warnings

from RestrictedPython import PrintCollector, compile_restricted, safe_builtins
from RestrictedPython.Eval import default_guarded_getitem
from RestrictedPython.Guards import (full_write_guard, guarded_iter_unpack_sequence,
                                     guarded_unpack_sequence, safer_getattr)
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment

MAX_ITERATIONS = 100_000
MAX_VALUE_BYTES = 256 * 1024
MAX_POWER_EXPONENT = 10_000
MAX_REPEAT = 100_000


def days(n) -> str:
    """ISO 8601 duration of `n` days, for timer expressions: days(settings["intake_days"])."""
    return f"P{int(n)}D"


def hours(n) -> str:
    return f"PT{int(n)}H"


def minutes(n) -> str:
    return f"PT{int(n)}M"


HELPERS = {"days": days, "hours": hours, "minutes": minutes}


class ScriptRefused(Exception):
    """A script broke a sandbox rule; the message says which."""


def _guarded_pow(base, exp, *mod):
    if isinstance(exp, int) and abs(exp) > MAX_POWER_EXPONENT:
        raise ScriptRefused("số mũ quá lớn")
    return pow(base, exp, *mod)


def _guarded_mult(a, b):
    for seq, n in ((a, b), (b, a)):
        if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_REPEAT:
            raise ScriptRefused("chuỗi hoặc danh sách quá lớn")
    return a * b


_INPLACE = {"+=": operator.add, "-=": operator.sub, "*=": _guarded_mult, "/=": operator.truediv,
            "//=": operator.floordiv, "%=": operator.mod}


class _PowMultRewriter(ast.NodeTransformer):
    """Route `a ** b` and `a * b` through guards, so `7 ** 3000000` or `'a' * 10**8` stop."""

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Pow):
            name = "SANDBOX_POW"
        elif isinstance(node.op, ast.Mult):
            name = "SANDBOX_MULT"
        else:
            return node
        return ast.copy_location(ast.Call(ast.Name(name, ast.Load()), [node.left, node.right], []), node)


@functools.lru_cache(maxsize=4096)
def compile_script(source: str, mode: str):
    """Compile `source` under the sandbox rules; SyntaxError (with a line) on refusal.

    Code objects are immutable, so the same condition or script, evaluated at every step of
    every case, is compiled once per process (refusals are not cached: they raise)."""
    tree = ast.parse(source, mode=mode)
    for node in ast.walk(tree):
        if isinstance(node, ast.While):
            raise SyntaxError("while loops are not allowed", ("<script>", node.lineno, 1, ""))
    tree = ast.fix_missing_locations(_PowMultRewriter().visit(tree))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return compile_restricted(tree, "<script>", mode)
    except SyntaxError as exc:
        message = "; ".join(exc.args[0]) if isinstance(exc.args[0], tuple) else str(exc.args[0])
        match = re.match(r"Line (\d+)", message)
        raise SyntaxError(message, ("<script>", int(match[1]) if match else 1, 1, "")) from None


def _iteration_guard():
    left = [MAX_ITERATIONS]

    def guarded_iter(obj):
        for item in obj:
            left[0] -= 1
            if left[0] < 0:
                raise ScriptRefused("vượt quá giới hạn số vòng lặp")
            yield item
    return guarded_iter


class SandboxEnvironment(TaskDataEnvironment):
    """A TaskDataEnvironment whose eval/exec go through RestrictedPython."""

    def _namespace(self, context, external_context):
        guarded_iter = _iteration_guard()

        def capped(fn):
            def call(*args, **kwargs):
                args = [a if isinstance(a, (dict, str, bytes)) or not hasattr(a, "__iter__")
                        else guarded_iter(a) for a in args]
                return fn(*args, **kwargs)
            call.__name__ = fn.__name__
            return call

        builtins = {**safe_builtins, "getattr": safer_getattr,
                    **{fn.__name__: capped(fn) for fn in (list, dict, set, tuple, sorted, sum,
                                                          min, max, enumerate, any, all)}}
        return {
            "__builtins__": builtins,
            "_getattr_": safer_getattr, "_getitem_": default_guarded_getitem,
            "_getiter_": guarded_iter, "_write_": full_write_guard, "_print_": PrintCollector,
            "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
            "_unpack_sequence_": guarded_unpack_sequence,
            "_inplacevar_": lambda op, x, y: _INPLACE[op](x, y),
            "SANDBOX_POW": _guarded_pow, "SANDBOX_MULT": _guarded_mult,
            **self.globals, **(external_context or {}), **copy.deepcopy(context),
        }

    def evaluate(self, expression, context, external_context=None):
        return eval(compile_script(expression, "eval"), self._namespace(context, external_context))

    def execute(self, script, context, external_context=None):
        self.check_for_overwrite(context, external_context or {})
        code = compile_script(script, "exec")
        namespace = self._namespace(context, external_context)
        skip = set(namespace) - set(context) | {"_print"}
        exec(code, namespace)
        result = {k: v for k, v in namespace.items() if k not in skip and not callable(v)}
        for key, value in result.items():
            try:
                size = len(json.dumps(value, default=str))
            except (TypeError, ValueError) as exc:
                raise ScriptRefused(f"giá trị '{key}' không lưu được") from exc
            if size > MAX_VALUE_BYTES:
                raise ScriptRefused(f"giá trị '{key}' quá lớn ({size} byte)")
        context.clear()
        context.update(result)
        return True


def script_engine() -> PythonScriptEngine:
    """A fresh sandboxed engine; the serializer does not store it, so every restore sets it."""
    return PythonScriptEngine(environment=SandboxEnvironment(dict(HELPERS)))
