"""Dry run: run a diagram in memory, before deploying it, and tell the path it takes.

The designer gives the start data and an answer (the form data) for each user task, by
element id: `{"intake": {...}}`, or a list of answers for a task met several times
(`{"intake": [{...first...}, {...second...}]}`; a single answer is reused). The diagram
runs on the engine alone: specs parsed from the XML and the called processes (from the
same batch or their latest deployed version), the sandboxed script engine, no database
write, no handler (handlers only act on real cases), no timer firing (time does not pass).
"""
from __future__ import annotations

from collections import Counter

from .. import engine
from ..engine import lint, parsing
from .errors import Invalid, NotFound
from . import bundles

MAX_COMPLETIONS = 100


def _problems(problems) -> Invalid:
    return Invalid("Sơ đồ không chạy thử được.", {"problems": [p.as_dict() for p in problems]})


def _sources(parsed: engine.ParsedDiagram, xml: bytes, extra: dict[str, bytes] | None) -> dict[str, bytes]:
    sources = {parsed.process_id: xml}
    pending = list(parsed.called)
    while pending:
        pid = pending.pop()
        if pid in sources:
            continue
        if extra and pid in extra:
            called_xml = extra[pid]
        else:
            try:
                called_xml = bytes(bundles.latest_version(pid).bpmn_xml)
            except NotFound:
                raise _problems([engine.Problem(None, f"Quy trình được gọi '{pid}' chưa được triển khai.")]) from None
        sources[pid] = called_xml
        pending.extend(engine.read(called_xml).called)
    return sources


def _check_answers(data, answers) -> None:
    errors = {}
    if not isinstance(data, dict):
        errors["data"] = ["Dữ liệu khởi tạo phải là một đối tượng JSON."]
    if not isinstance(answers, dict) or not all(
            isinstance(a, dict) or (isinstance(a, list) and all(isinstance(x, dict) for x in a))
            for a in answers.values()):
        errors["answers"] = ["Câu trả lời phải có dạng {\"mã phần tử\": {...}} hoặc {\"mã phần tử\": [{...}, ...]}."]
    if errors:
        raise Invalid("Dữ liệu chạy thử không hợp lệ.", {"json": errors})


def _answer(answers: dict, element_id: str, visits: Counter):
    answer = answers.get(element_id)
    if isinstance(answer, list):
        index = visits[element_id]
        return answer[index] if index < len(answer) else None
    return answer


def run(xml: bytes, data: dict | None = None, answers: dict | None = None, *,
        extra: dict[str, bytes] | None = None) -> dict:
    data, answers = data if data is not None else {}, answers if answers is not None else {}
    _check_answers(data, answers)
    parsed = engine.read(xml)
    if parsed.process_id is None:
        raise _problems(parsed.problems)
    sources = _sources(parsed, xml, extra)
    try:
        spec, subprocess_specs = parsing.build_specs(sources, parsed.process_id)
    except Exception:  # noqa: BLE001 - tell why, as validation would
        raise _problems(engine.check_with_spiff(sources, parsed.process_id)
                        or [engine.Problem(None, "Không đọc được sơ đồ.")]) from None
    bundle = engine.SpecBundle(("dry-run", id(spec)), parsed.process_id, spec, subprocess_specs)
    names = _names(sources)

    steps: list[dict] = []
    gateway_to: dict[str, set] = {}

    def record(step):
        for event in step.events:
            if event["type"] in ("element_completed", "gateway_taken", "timer_fired", "message_received") \
                    and event.get("element_id"):
                steps.append({"element_id": event["element_id"], "kind": event["type"]})
                if event["type"] == "gateway_taken":
                    gateway_to.setdefault(event["element_id"], set()).update(event["data"].get("to", []))

    step = engine.start(bundle, {**data, "settings": dict(parsed.settings)})
    record(step)
    visits: Counter = Counter()
    completions = 0
    stopped = None
    while step.status == "running":
        ready = next(((r, a) for r in step.ready
                      if (a := _answer(answers, r.element_id, visits)) is not None), None)
        if ready is None:
            break
        if completions >= MAX_COMPLETIONS:
            stopped = f"Dừng sau {MAX_COMPLETIONS} lần hoàn thành nhiệm vụ (có thể là vòng lặp)."
            break
        task, answer = ready
        visits[task.element_id] += 1
        completions += 1
        steps.append({"element_id": task.element_id, "kind": "task_completed"})
        step = engine.complete(bundle, step.state, task.id, dict(answer))
        record(step)

    path = [s["element_id"] for s in steps]
    error_element = next((e.get("element_id") for e in step.events if e["type"] == "error"), None)
    return {
        "process_id": parsed.process_id,
        "status": step.status,
        "path": path,
        "flows": _taken_flows(xml, path, {r.element_id for r in step.ready}, gateway_to),
        "steps": [{**s, "name": names.get(s["element_id"], s["element_id"])} for s in steps],
        "waiting_on": [r.element_id for r in step.ready],
        "waiting": [{"element_id": r.element_id, "name": r.name} for r in step.ready],
        "next_timer_at": step.next_wakeup_at.isoformat() if step.next_wakeup_at else None,
        "error": step.error or stopped,
        "error_element_id": error_element,
        "data": step.data if step.status == "completed" else (step.ready[0].data if step.ready else {}),
    }


def _names(sources: dict[str, bytes]) -> dict[str, str]:
    names = {}
    for xml in sources.values():
        for node in lint.parse(xml).iter():
            if isinstance(node.tag, str) and node.get("id"):
                names.setdefault(node.get("id"), (node.get("name") or "").strip() or node.get("id"))
    return names


def _taken_flows(xml: bytes, path: list[str], waiting: set[str], gateway_to: dict[str, set]) -> list[str]:
    """Sequence flows of the diagram whose source completed and whose target was reached or
    is waiting (for a gateway: a target it led to)."""
    done = set(path)
    taken = []
    for flow in lint.parse(xml).iter(f"{{{lint.BPMN}}}sequenceFlow"):
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        if source in done and (target in done or target in waiting) and \
                (source not in gateway_to or target in gateway_to[source]):
            taken.append(flow.get("id"))
    return taken
