"""Deploy-time checks of the code inside a diagram: scripts, conditions, timer expressions.

- Every script (script tasks, spiffworkflow pre/post scripts) and every expression
  (gateway conditions, multi-instance conditions and cardinalities, message payloads,
  conditional events, timers) must compile under the sandbox (`sandbox.compile_script`).
- What the sandbox would only refuse at run time but can be seen in the source is refused
  here: `import`, `while`, names and attributes starting with `_`, calls of builtins the
  sandbox does not have (`open`, `eval`, `exec`, ...), `getattr(x, "_...")`.
- Timer expressions are evaluated in the sandbox with the process settings as `settings`
  (other names, the case data, are unknown at deploy time and taken as None) and the value
  must be an ISO 8601 duration (timeDuration), date-time (timeDate) or recurring interval
  (timeCycle) that SpiffWorkflow's TimerEventDefinition parses. Keys read from `settings`
  must exist in the settings.
"""
from __future__ import annotations

import ast
import re
from datetime import datetime

from lxml import etree
from RestrictedPython import safe_builtins
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition

from .lint import BPMN, Finding, label, local
from .parsing import NS
from .sandbox import HELPERS, SandboxEnvironment, compile_script

SPIFF = NS["spiffworkflow"]

# Builtins absent from the sandbox (calling them fails at run time): refused at deploy.
FORBIDDEN_CALLS = {"open", "eval", "exec", "compile", "globals", "locals", "vars", "input", "breakpoint",
                   "exit", "quit", "help", "memoryview", "dir", "__import__", "delattr", "setattr"}
ATTRIBUTE_CALLS = {"getattr", "hasattr", "setattr", "delattr"}
KNOWN_NAMES = set(HELPERS) | set(safe_builtins) | {"settings", "getattr", "list", "dict", "set", "tuple",
                                                   "sorted", "sum", "min", "max", "enumerate", "any", "all"}
ISO_LOOKING = re.compile(r"P(?=\w*\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?", re.IGNORECASE)
TIMER_KINDS = {"timeDuration": "thời hạn (ISO 8601, ví dụ \"P3D\")",
               "timeDate": "thời điểm (ISO 8601, ví dụ \"2026-12-31T17:00:00+07:00\")",
               "timeCycle": "chu kỳ (ISO 8601, ví dụ \"R3/PT10H\")"}


def static_refusals(source: str, mode: str) -> list[str]:
    """Reasons to refuse `source` that are visible without running it ([] = none)."""
    try:
        tree = ast.parse(source, mode=mode)
    except SyntaxError as exc:
        return [f"lỗi cú pháp (dòng {exc.lineno or 1}): {exc.msg}"]
    reasons = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            reasons.append(f"không được dùng import (dòng {node.lineno})")
        elif isinstance(node, ast.While):
            reasons.append(f"không được dùng vòng lặp while (dòng {node.lineno})")
        elif isinstance(node, ast.Name) and node.id.startswith("_") and node.id != "_":
            reasons.append(f"không được dùng tên bắt đầu bằng '_' ('{node.id}', dòng {node.lineno})")
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            reasons.append(f"không được truy cập thuộc tính '{node.attr}' (dòng {node.lineno})")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                reasons.append(f"không được gọi '{node.func.id}' (dòng {node.lineno})")
            elif node.func.id in ATTRIBUTE_CALLS and len(node.args) > 1 and \
                    isinstance(node.args[1], ast.Constant) and str(node.args[1].value).startswith("_"):
                reasons.append(f"không được truy cập thuộc tính '{node.args[1].value}' (dòng {node.lineno})")
    return list(dict.fromkeys(reasons))


def source_problems(source: str, mode: str) -> list[str]:
    """Static refusals, then what the sandbox's compiler refuses."""
    reasons = static_refusals(source, mode)
    if reasons:
        return reasons
    try:
        compile_script(source, mode)
    except SyntaxError as exc:
        return [f"bộ kiểm soát kịch bản từ chối: {exc.msg}"]
    return []


def _text(node) -> str:
    return (node.text or "").strip() if node is not None else ""


def _owner(node):
    """The nearest ancestor that is a BPMN flow element (the one to mark on the diagram)."""
    while node is not None:
        if isinstance(node.tag, str) and etree.QName(node).namespace == BPMN and node.get("id") and \
                local(node) not in ("timerEventDefinition", "messageEventDefinition", "conditionalEventDefinition",
                                    "multiInstanceLoopCharacteristics", "extensionElements"):
            return node
        node = node.getparent()
    return None


def code_items(root):
    """(owner element, kind, source, mode) for every script and expression of the diagram."""
    items = []
    for script in root.iter(f"{{{BPMN}}}script"):
        items.append((_owner(script), "script", _text(script), "exec"))
    for tag in ("preScript", "postScript"):
        for script in root.iter(f"{{{SPIFF}}}{tag}"):
            if _text(script):
                items.append((_owner(script), "script", _text(script), "exec"))
    for cond in root.iter(f"{{{BPMN}}}conditionExpression"):
        if _text(cond):
            items.append((_owner(cond), "condition", _text(cond), "eval"))
    for tag in ("completionCondition", "loopCardinality", "condition"):
        for cond in root.iter(f"{{{BPMN}}}{tag}"):
            if _text(cond):
                items.append((_owner(cond), "condition", _text(cond), "eval"))
    for payload in root.iter(f"{{{SPIFF}}}messagePayload"):
        if _text(payload):
            items.append((_owner(payload), "payload", _text(payload), "eval"))
    for kind in TIMER_KINDS:
        for timer in root.iter(f"{{{BPMN}}}{kind}"):
            items.append((_owner(timer), kind, _text(timer), "eval"))
    return items


WHAT = {"script": "Kịch bản", "condition": "Điều kiện", "payload": "Nội dung thông điệp",
        "timeDuration": "Biểu thức hẹn giờ", "timeDate": "Biểu thức hẹn giờ", "timeCycle": "Biểu thức hẹn giờ"}


def check(root, settings: dict) -> list[Finding]:
    """Findings on the scripts, conditions and timers of the diagram `root`."""
    findings = []
    for owner, kind, source, mode in code_items(root):
        element_id = owner.get("id") if owner is not None else None
        where = f"'{label(owner)}'" if owner is not None else ""
        if not source:
            if kind in TIMER_KINDS:
                findings.append(Finding("timer-expression", element_id,
                                        f"Hẹn giờ {where} chưa có biểu thức {TIMER_KINDS[kind]}."))
            continue
        reasons = source_problems(source, mode)
        if reasons:
            rule = "timer-expression" if kind in TIMER_KINDS else "script-sandbox"
            findings.append(Finding(rule, element_id, f"{WHAT[kind]} của {where} không hợp lệ: {'; '.join(reasons)}."))
            continue
        if kind in TIMER_KINDS:
            message = timer_problem(source, kind, settings)
            if message:
                findings.append(Finding("timer-expression", element_id, f"Hẹn giờ {where}: {message}"))
    return findings


def settings_keys(source: str) -> set[str]:
    """Constant keys read as settings["key"] (or settings.get("key")) in `source`."""
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        return set()
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "settings" \
                and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            keys.add(node.slice.value)
    return keys


def free_names(source: str) -> set[str]:
    tree = ast.parse(source, mode="eval")
    bound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    for comp in (n for n in ast.walk(tree) if isinstance(n, ast.comprehension)):
        bound |= {t.id for t in ast.walk(comp.target) if isinstance(t, ast.Name)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} \
        - bound - KNOWN_NAMES


def timer_problem(source: str, kind: str, settings: dict) -> str | None:
    """Why the timer expression `source` does not give a valid value (None when it does,
    or when its value depends on case data that is unknown before a case runs)."""
    missing = sorted(settings_keys(source) - set(settings))
    if missing:
        return (f"thiếu tham số quy trình {', '.join(repr(m) for m in missing)} "
                f"(khai báo ở thuộc tính của quy trình).")
    names = free_names(source)
    literal = sorted(n for n in names if ISO_LOOKING.fullmatch(n))
    if literal:
        return f"giá trị ISO 8601 phải đặt trong ngoặc kép, ví dụ \"{literal[0]}\"."
    try:
        value = SandboxEnvironment(dict(HELPERS)).evaluate(source, {"settings": dict(settings),
                                                                   **{n: None for n in names}})
    except Exception as exc:  # noqa: BLE001 - any failure of the designer's expression
        if names:
            return None                     # depends on case data: checked when it runs
        return f"không tính được giá trị ({exc.__class__.__name__}: {exc})."
    if not isinstance(value, str):
        if names:
            return None
        return f"giá trị phải là chuỗi {TIMER_KINDS[kind]}, không phải {value!r}."
    try:
        if kind == "timeDuration":
            if not value.upper().startswith("P") or not TimerEventDefinition.parse_iso_duration(value):
                raise ValueError(value)
        elif kind == "timeDate":
            if not isinstance(TimerEventDefinition.parse_time_or_duration(value), datetime):
                raise ValueError(value)
        else:
            TimerEventDefinition.parse_iso_recurring_interval(value)
    except Exception:  # noqa: BLE001 - SpiffWorkflow raises assorted errors on bad values
        return f"giá trị '{value}' không phải là {TIMER_KINDS[kind]}."
    return None
