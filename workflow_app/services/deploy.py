"""Validating and deploying diagrams as immutable, versioned process models."""
from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

import forms
import handlers

from .. import audit, clock, engine
from ..engine import expression_checks, lint
from ..extensions import db
from ..models import ROLES, ProcessModel, ProcessModelVersion, User
from . import bundles
from .errors import Forbidden, Invalid, NotFound
from ..auth import policy
from .tx import begin_write


def validate(xml: bytes, *, extra: dict[str, bytes] | None = None) -> engine.ParsedDiagram:
    """THE validation of a diagram (the modeler page, the API and `flask bpmn validate`/`deploy`
    all call it). Collects every problem `{element_id, message}`:
    well-formed XML and one process; SpiffWorkflow's parse with XSD validation; the lint rules
    (engine/lint.py); bindings (lanes lane_<known role>, forms, handlers); scripts and
    conditions under the sandbox, timer values (engine/expression_checks.py); call-activity
    targets, deployed or in `extra` (other diagrams deployed together, by process id)."""
    parsed = engine.read(xml)
    if parsed.process_id is None:
        return parsed
    root = lint.parse(xml)
    problems = parsed.problems
    for element_id, binding in parsed.bindings.items():
        if binding["form_key"] and binding["form_key"] not in forms.FORMS:
            problems.append(engine.Problem(element_id, f"Biểu mẫu '{binding['form_key']}' không tồn tại."))
        if binding["handler"] and binding["handler"] not in handlers.HANDLERS:
            problems.append(engine.Problem(element_id, f"Bộ xử lý '{binding['handler']}' không tồn tại."))
        for role in [binding.get("role"), *binding.get("starters", [])]:
            if role and role not in ROLES:
                problems.append(engine.Problem(element_id, f"Vai trò '{role}' không tồn tại."))
    findings = lint.lint(root)
    findings += expression_checks.check(root, parsed.settings)
    sources = {parsed.process_id: xml}
    all_called = True
    calls = root.xpath(".//bpmn:callActivity", namespaces=lint.NS)
    for call in calls:
        target = (call.get("calledElement") or "").strip()
        if not target:
            all_called = False
            findings.append(lint.Finding("call-activity-target", call.get("id"),
                                         f"Gọi quy trình '{lint.label(call)}' chưa chọn quy trình được gọi "
                                         f"(calledElement)."))
            continue
        called_xml = _called_xml(target, extra)
        if called_xml is None:
            all_called = False
            findings.append(lint.Finding("call-activity-target", call.get("id"),
                                         f"Quy trình được gọi '{target}' chưa được triển khai."))
            continue
        sources[target] = called_xml
        findings += _called_settings(call, target, called_xml, parsed.settings)
    if not any(f.rule in ("sequence-flow-refs", "duplicate-id") for f in findings):
        # SpiffWorkflow would only repeat those, less clearly; its XSD check comes after a fix
        marked = {f.element_id for f in findings} | {p.element_id for p in problems}
        findings += [f for f in lint.check_spiff(sources, parsed.process_id, with_called=all_called)
                     if f.element_id is None or f.element_id not in marked]     # ours say it better
    problems.extend(f.problem() for f in findings)
    seen, unique = set(), []
    for problem in problems:
        if (problem.element_id, problem.message) not in seen:
            seen.add((problem.element_id, problem.message))
            unique.append(problem)
    parsed.problems = unique
    return parsed


def _called_xml(process_id: str, extra: dict[str, bytes] | None) -> bytes | None:
    if extra and process_id in extra:
        return extra[process_id]
    try:
        return bytes(bundles.latest_version(process_id).bpmn_xml)
    except NotFound:
        return None


def _called_settings(call, target: str, called_xml: bytes, settings: dict) -> list:
    """A called process reads the caller's data, `settings` included: the settings its timers
    read must exist in the caller's settings too."""
    try:
        called_root = lint.parse(called_xml)
    except Exception:  # noqa: BLE001 - a stored diagram parses; one in the batch is checked on its own
        return []
    needed = set()
    for _, kind, source, _ in expression_checks.code_items(called_root):
        if kind in expression_checks.TIMER_KINDS:
            needed |= expression_checks.settings_keys(source)
    missing = sorted(needed - set(settings))
    if not missing:
        return []
    return [lint.Finding("call-activity-target", call.get("id"),
                         f"Quy trình được gọi '{target}' đọc tham số {', '.join(repr(m) for m in missing)} "
                         f"mà quy trình này chưa khai báo (quy trình con dùng tham số của quy trình gọi).")]


def deploy(user: User | None, xml: bytes, *, comment: str = "", extra=None) -> tuple[ProcessModelVersion, bool]:
    """Deploy `xml`; returns (version, created). Identical to the latest: (latest, False)."""
    if user is not None and not policy.can_deploy(user):
        raise Forbidden("Chỉ người thiết kế quy trình được triển khai sơ đồ.")
    begin_write()
    parsed = validate(xml, extra=extra)
    if parsed.problems or parsed.process_id is None:
        raise Invalid("Sơ đồ không hợp lệ.", {"problems": [p.as_dict() for p in parsed.problems]})
    digest = hashlib.sha256(xml).hexdigest()
    model = db.session.execute(select(ProcessModel).where(ProcessModel.id == parsed.process_id)
                               .with_for_update().execution_options(populate_existing=True)).scalar_one_or_none()
    now = clock.now()
    if model is None:
        model = ProcessModel(id=parsed.process_id, name=parsed.name, latest_version=0)
        db.session.add(model)
    elif model.latest_version:
        latest = bundles.latest_version(model.id)
        if latest.sha256 == digest:
            db.session.rollback()
            return latest, False
    model.latest_version += 1
    model.name, model.deployed_at = parsed.name, now
    version = ProcessModelVersion(
        process_model_id=model.id, version=model.latest_version, bpmn_xml=xml, sha256=digest,
        bindings=parsed.as_bindings_doc(), comment=comment,
        deployed_by=user.username if user else "system", deployed_at=now)
    db.session.add(version)
    db.session.flush()
    audit.append([{"type": "process_deployed", "element_id": model.id, "element_name": model.name,
                   "data": {"version": version.version, "sha256": digest, "comment": comment}}], user)
    db.session.commit()
    return version, True


def deploy_directory(path: str | Path, user: User | None = None) -> list[tuple[str, int, bool]]:
    """Deploy every *.bpmn in `path` (called processes first); returns (id, version, created)."""
    files = {p: p.read_bytes() for p in sorted(Path(path).glob("*.bpmn"))}
    by_id = {}
    for file, xml in files.items():
        parsed = engine.read(xml)
        if parsed.process_id is None:
            raise Invalid(f"{file.name}: sơ đồ không hợp lệ.", {"problems": [p.as_dict() for p in parsed.problems]})
        by_id[parsed.process_id] = (xml, parsed.called)
    order, seen = [], set()

    def visit(pid):
        if pid in seen or pid not in by_id:
            return
        seen.add(pid)
        for called in by_id[pid][1]:
            visit(called)
        order.append(pid)
    for pid in sorted(by_id):
        visit(pid)
    results = []
    for pid in order:
        version, created = deploy(user, by_id[pid][0], comment="bpmn deploy",
                                  extra={k: v[0] for k, v in by_id.items()})
        results.append((pid, version.version, created))
    return results
