"""Validating and deploying diagrams as immutable, versioned process models."""
from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

import forms
import handlers

from .. import audit, clock, engine
from ..extensions import db
from ..models import ROLES, ProcessModel, ProcessModelVersion, User
from . import bundles
from .errors import Forbidden, Invalid
from ..auth import policy
from .tx import begin_write


def validate(xml: bytes, *, extra: dict[str, bytes] | None = None) -> engine.ParsedDiagram:
    """Read `xml` and collect every problem: parse/XSD, bindings to forms, handlers, roles,
    called processes. `extra` holds other diagrams being deployed together."""
    parsed = engine.read(xml)
    if parsed.process_id is None:
        return parsed
    problems = parsed.problems
    for element_id, binding in parsed.bindings.items():
        if binding["form_key"] and binding["form_key"] not in forms.FORMS:
            problems.append(engine.Problem(element_id, f"Biểu mẫu '{binding['form_key']}' không tồn tại."))
        if binding["handler"] and binding["handler"] not in handlers.HANDLERS:
            problems.append(engine.Problem(element_id, f"Bộ xử lý '{binding['handler']}' không tồn tại."))
        for role in [binding.get("role"), *binding.get("starters", [])]:
            if role and role not in ROLES:
                problems.append(engine.Problem(element_id, f"Vai trò '{role}' không tồn tại."))
    sources = {parsed.process_id: xml}
    for called in parsed.called:
        if extra and called in extra:
            sources[called] = extra[called]
            continue
        try:
            sources[called] = bytes(bundles.latest_version(called).bpmn_xml)
        except Exception:
            problems.append(engine.Problem(None, f"Quy trình được gọi '{called}' chưa được triển khai."))
    if not problems:
        problems.extend(engine.check_with_spiff(sources, parsed.process_id))
    return parsed


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
                               .with_for_update()).scalar_one_or_none()
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
