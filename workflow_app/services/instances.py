"""Use cases on cases (process instances): start, read, list, cancel, reveal."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, or_, select

import handlers

from .. import clock, engine, vault
from ..auth import policy
from ..extensions import db
from ..models import AuditEvent, HumanTask, ProcessInstance, User
from . import bundles
from .advance import apply_step, ready_rows
from .casefile import HandlerContext
from .errors import Conflict, Forbidden, Invalid, NotFound
from .forms_gate import sealed, validated
from .numbers import next_case_number
from .tx import begin_write, commit_keeping_objects


# session.info: {instance id: (version, inbox rows)}. The rows are this session's own objects,
# so a claim or an assignment made later in the session shows in them; any change of the
# set of tasks goes through apply_step, which raises the version.
_WRITTEN = "instances.active_written"


def start_binding(pinned: bundles.Pinned, process_id: str) -> dict:
    for element_id, binding in pinned.bindings[process_id].items():
        if binding.get("kind") == "start":
            return {**binding, "element_id": element_id}
    return {"element_id": None, "form_key": None, "handler": None, "starters": [], "name": ""}


def start_case(user: User, process_model_id: str, data) -> ProcessInstance:
    """Start a case of `process_model_id` with the start form's `data`.

    In short steps, so that the write lock (on SQLite the whole database's) is held only for the
    writes, as for a completion (ADR 0013): the checks and the form are read-only (a 422 takes no
    case number); the case number is taken in its own short write transaction, because handlers,
    documents and scripts state it; the case is then prepared — vault, handler, engine — with
    nothing written, and written in one transaction. A start that fails after taking its number
    (a server error) leaves that number unused, as a database sequence does."""
    top = bundles.latest_version(process_model_id)                       # 404
    pinned = bundles.pinned(process_model_id, bundles.resolve_called(top))
    binding = start_binding(pinned, process_model_id)
    if not policy.can_start(user, binding):
        raise Forbidden("Bạn không có quyền khởi tạo hồ sơ của quy trình này.")
    values = _start_values(binding, data, from_message=False)             # 422
    begin_write()
    number = next_case_number(handlers.case_prefix(process_model_id))
    commit_keeping_objects()
    prepared = _prepare_case(user, process_model_id, top, pinned, binding, values, number)
    begin_write()
    instance = _write_case(prepared, user, [])
    ready = ready_rows(instance)
    commit_keeping_objects()                 # the answer is what was just written: no re-reads
    remember_active(instance, ready)
    return instance


def create_case(user: User, process_model_id: str, data, *, top=None, pinned=None,
                events: list[dict] | None = None, from_message: bool = False) -> ProcessInstance:
    """Validate the start data and create the case, in the caller's transaction.

    A case started by a message from another case (`from_message`) and whose diagram has no
    start form takes the message payload as it is: it comes from a deployed diagram."""
    top = top or bundles.latest_version(process_model_id)
    pinned = pinned or bundles.pinned(process_model_id, bundles.resolve_called(top))
    binding = start_binding(pinned, process_model_id)
    values = _start_values(binding, data, from_message=from_message)                    # 422
    number = next_case_number(handlers.case_prefix(process_model_id))
    prepared = _prepare_case(user, process_model_id, top, pinned, binding, values, number)
    return _write_case(prepared, user, events or [])


def _start_values(binding: dict, data, *, from_message: bool) -> dict:
    if binding["form_key"]:
        return validated(binding["form_key"], data, case=None)                           # 422
    if from_message:
        return dict(data or {})
    if data:
        raise Invalid("Quy trình này không nhận dữ liệu khởi tạo.", {"json": {"data": ["Không nhận dữ liệu."]}})
    return {}


@dataclass
class _PreparedCase:
    instance: ProcessInstance           # not yet in the session
    pinned: bundles.Pinned
    ctx: HandlerContext
    step: engine.Step
    started: dict                       # the instance_started audit event
    new_rows: list                      # vault entries, case-file entries, notifications


def _prepare_case(user: User, process_model_id: str, top, pinned: bundles.Pinned, binding: dict,
                  values: dict, case_number: str) -> _PreparedCase:
    """Everything a new case is, decided with nothing written: the rows the vault and the handler
    create are taken out of the session and kept for `_write_case`."""
    session = db.session()
    now = clock.now()
    instance = ProcessInstance(
        id=uuid.uuid4().hex, case_number=case_number, process_model_id=process_model_id,
        model_version_id=top.id, called_versions=pinned.version_ids, status="running", state="", data={},
        started_by=user.username, created_at=now, updated_at=now)
    with session.no_autoflush:
        if binding["form_key"]:
            values = sealed(binding["form_key"], values, instance.id)
        ctx = HandlerContext(user, instance, binding["element_id"] or "start", binding.get("name", ""), values)
        handlers.run(binding["handler"], ctx)
    new_rows = list(session.new)
    for row in new_rows:                 # written by _write_case, after the instance row they refer to
        session.expunge(row)
    instance.data = {**ctx.values, "case_number": case_number,
                     "settings": pinned.settings.get(process_model_id, {})}
    step = engine.start(pinned.bundle, instance.data)
    started = {"type": "instance_started", "element_id": binding["element_id"],
               "element_name": binding.get("name"),
               "data": {"process_model": process_model_id, "version": top.version, "values": ctx.values}}
    return _PreparedCase(instance, pinned, ctx, step, started, new_rows)


def _write_case(p: _PreparedCase, user: User, events: list[dict]) -> ProcessInstance:
    """Write a prepared case in the current write transaction."""
    db.session.add(p.instance)
    db.session.flush()              # the row first: vault and case-file rows refer to it
    db.session.add_all(p.new_rows)
    p.ctx.finish()
    apply_step(p.instance, p.pinned, p.step, user, events=[p.started, *events])
    return p.instance


def visible(user: User, instance_id: str, *, for_update: bool = False, for_cancel: bool = False) -> ProcessInstance:
    query = select(ProcessInstance).where(ProcessInstance.id == instance_id)
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    instance = db.session.execute(query).scalar_one_or_none()
    sees = policy.can_find_for_cancel if for_cancel else policy.can_see_instance
    if instance is None or not sees(user, instance_id):
        raise NotFound("Không tìm thấy hồ sơ.")
    return instance


def listing(user: User, *, process_model=None, status=None, q=None, page=1, per_page=20):
    query = select(ProcessInstance)
    where = policy.visible_instances_filter(user)
    if where is not None:
        query = query.where(where)
    if process_model:
        query = query.where(ProcessInstance.process_model_id == process_model)
    if status:
        query = query.where(ProcessInstance.status == status)
    if q:
        query = query.where(or_(ProcessInstance.case_number.ilike(f"%{q}%")))
    total = db.session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = db.session.execute(query.order_by(ProcessInstance.created_at.desc(), ProcessInstance.id)
                              .limit(per_page).offset((page - 1) * per_page)).scalars().all()
    return rows, total


def active_tasks(instance_id: str) -> list[HumanTask]:
    return list(db.session.execute(select(HumanTask).where(HumanTask.instance_id == instance_id)
                                   .order_by(HumanTask.created_at, HumanTask.id)).scalars())


def active_tasks_of(instance: ProcessInstance) -> list[HumanTask]:
    """The inbox rows of `instance`: those this request has just written, if the instance is
    still at the version it wrote them at, else read."""
    known = db.session().info.get(_WRITTEN, {}).get(instance.id)
    if known is not None and known[0] == instance.version:
        return list(known[1])
    return active_tasks(instance.id)


def remember_active(instance: ProcessInstance, rows: list[HumanTask]) -> None:
    """After a committed write: `rows` are the instance's inbox at its current version."""
    db.session().info.setdefault(_WRITTEN, {})[instance.id] = (instance.version, list(rows))


def cancel(user: User, instance_id: str, reason) -> ProcessInstance:
    begin_write()
    instance = visible(user, instance_id, for_update=True, for_cancel=True)   # 404
    if not policy.can_cancel(user, instance):
        raise Forbidden("Chỉ thủ trưởng cơ quan có thẩm quyền hoặc quản trị viên được hủy hồ sơ.")
    if instance.status in ("completed", "cancelled"):
        raise Conflict("Hồ sơ đã kết thúc, không thể hủy.")
    if not isinstance(reason, str) or not reason.strip():
        raise Invalid("Thiếu lý do.", {"json": {"reason": ["Phải nêu lý do hủy hồ sơ."]}})
    now = clock.now()
    for task in active_tasks(instance.id):
        db.session.delete(task)
    instance.status, instance.next_wakeup_at, instance.updated_at = "cancelled", None, now
    instance.completed_at = now
    _flush_or_conflict()
    from .. import audit
    audit.append([{"type": "instance_cancelled", "instance_id": instance.id,
                   "data": {"reason": reason.strip()}}], user)
    db.session.commit()
    return instance


def reveal(user: User, instance_id: str, fields, reason) -> dict:
    begin_write()
    instance = visible(user, instance_id)                                 # 404
    if not policy.has_clearance(user, instance):
        raise Forbidden("Bạn không có thẩm quyền xem thông tin bảo mật của hồ sơ này.")
    errors = {}
    if not isinstance(reason, str) or not reason.strip():
        errors["reason"] = ["Phải nêu lý do xem thông tin bảo mật."]
    if not isinstance(fields, list) or not fields or not all(isinstance(f, str) and f for f in fields):
        errors["fields"] = ["Phải chọn ít nhất một trường cần xem."]
    if errors:
        raise Invalid("Dữ liệu không hợp lệ.", {"json": errors})
    selected = vault.matching(instance.data, fields)
    if not selected:
        raise Invalid("Dữ liệu không hợp lệ.", {"json": {"fields": ["Không có trường bảo mật nào khớp."]}})
    values = vault.reveal_paths(selected)
    from .. import audit
    audit.append([{"type": "data_revealed", "instance_id": instance.id,
                   "data": {"fields": sorted(selected), "reason": reason.strip()}}], user)
    db.session.commit()
    return values


def history(user: User, instance_id: str) -> list[AuditEvent]:
    visible(user, instance_id)
    return list(db.session.execute(select(AuditEvent).where(AuditEvent.instance_id == instance_id)
                                   .order_by(AuditEvent.seq)).scalars())


def _flush_or_conflict():
    from sqlalchemy.orm.exc import StaleDataError
    try:
        db.session.flush()
    except StaleDataError:
        db.session.rollback()
        raise Conflict("Hồ sơ vừa được người khác cập nhật; hãy tải lại và thử lại.") from None
