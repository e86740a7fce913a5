"""Use cases on user tasks: list, read, claim, release, assign, complete.

Checks run in the order of the API contract: a task the caller may not see is 404, a
task the caller may not act on 403, a task in the wrong state (done, held by someone
else, changed meanwhile) 409, and invalid data 422. Nothing is written before they pass.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select

import forms
import handlers

from .. import audit, clock, engine, vault
from ..auth import policy
from ..extensions import db
from ..models import AuditEvent, HumanTask, InstanceParty, ProcessInstance, User
from . import bundles, inbox
from .advance import apply_step, ready_rows
from .casefile import HandlerContext
from .errors import Conflict, Forbidden, Invalid, NotFound
from .forms_gate import sealed, validated
from .instances import remember_active, visible
from .tx import begin_write, commit_keeping_objects

SCOPES = inbox.SCOPES
GONE = "Nhiệm vụ đã được hoàn thành hoặc không còn hiệu lực."
CHANGED = "Hồ sơ vừa được người khác cập nhật; hãy tải lại và thử lại."
PREPARE_ATTEMPTS = 3

# The statements of a completion, built once (building and keying a statement costs more than
# running it on SQLite). The task with its case; the case's parties; under the write lock, the
# case's version and the task's holder.
_TASK_WITH_CASE = (select(HumanTask, ProcessInstance)
                   .join(ProcessInstance, ProcessInstance.id == HumanTask.instance_id)
                   .where(HumanTask.id == bindparam("task_id")))
_PARTIES = select(InstanceParty.agency_code).where(InstanceParty.instance_id == bindparam("instance_id"))
_STILL_AS_READ = (select(ProcessInstance.version, HumanTask.id.label("task_id"), HumanTask.assignee)
                  .outerjoin(HumanTask, (HumanTask.id == bindparam("task_id"))
                             & (HumanTask.instance_id == ProcessInstance.id))
                  .where(ProcessInstance.id == bindparam("instance_id"))
                  .with_for_update(of=ProcessInstance))


def listing(user: User, *, scope="all", overdue=False, process_model=None, q=None, page=1, per_page=50):
    """(one page of [(HumanTask, case_number)] in inbox order, the number of tasks in all)."""
    filters = {"scope": scope, "overdue": overdue, "now": clock.now(),
               "cases": inbox.case_clause(process_model=process_model, q=q)}
    total = inbox.count(user, **filters)
    rows = (inbox.page(inbox.conditions(user, **filters), page=page, per_page=per_page)
            if total > (page - 1) * per_page else [])
    return rows, total


def visible_task(user: User, task_id: str) -> HumanTask:
    """The READY task `task_id` if the caller may see its case; for a task that is done,
    403 or 409 (never 404) to callers who may see the case."""
    task = db.session.get(HumanTask, task_id)
    if task is not None:
        if not policy.can_see_instance(user, task.instance_id):
            raise NotFound("Không tìm thấy nhiệm vụ.")
        return task
    ready_event = db.session.execute(select(AuditEvent).where(
        AuditEvent.task_id == task_id, AuditEvent.type == "task_ready").limit(1)).scalar_one_or_none()
    if ready_event is None or not policy.can_see_instance(user, ready_event.instance_id):
        raise NotFound("Không tìm thấy nhiệm vụ.")
    data = ready_event.data or {}
    if not policy.eligible_for(user, data.get("role", ""), data.get("agency", "")):
        raise Forbidden("Bạn không được giao xử lý nhiệm vụ này.")
    raise Conflict(GONE)


def _require_can_act(user: User, task: HumanTask) -> None:
    if not policy.can_act_on_task(user, task):
        raise Forbidden("Bạn không được giao xử lý nhiệm vụ này.")


def _locked_task(user: User, task_id: str) -> tuple[HumanTask, ProcessInstance]:
    """Lock the instance first (one writer per case), then read its task row."""
    begin_write()
    task = visible_task(user, task_id)
    instance = visible(user, task.instance_id, for_update=True)
    if db.session.get_bind().dialect.name == "sqlite":
        return task, instance           # BEGIN IMMEDIATE came first: the task was read under the lock
    db.session.expire(task)
    task = db.session.get(HumanTask, task_id)
    if task is None:                    # done by someone else while we waited for the lock
        visible_task(user, task_id)     # 403 (never eligible) or 409 (gone)
        raise Conflict(GONE)
    return task, instance


def claim(user: User, task_id: str) -> HumanTask:
    task, _ = _locked_task(user, task_id)
    _require_can_act(user, task)
    if task.assignee == user.username:
        return task
    if task.assignee is not None:
        raise Conflict(f"Nhiệm vụ đang do {task.assignee} xử lý.")
    task.assignee = user.username
    audit.append([_task_event("task_claimed", task, {"assignee": user.username})], user)
    db.session.commit()
    return task


def release(user: User, task_id: str) -> HumanTask:
    task, _ = _locked_task(user, task_id)
    if not policy.can_release(user, task):
        raise Forbidden("Chỉ người đang giữ nhiệm vụ hoặc thủ trưởng được trả lại nhiệm vụ.")
    if task.assignee is None:
        return task
    previous, task.assignee = task.assignee, None
    audit.append([_task_event("task_released", task, {"previous_assignee": previous})], user)
    db.session.commit()
    return task


def assign(user: User, task_id: str, username) -> HumanTask:
    task, _ = _locked_task(user, task_id)
    if not policy.can_assign(user, task):
        raise Forbidden("Chỉ thủ trưởng cơ quan được giao nhiệm vụ.")
    if not isinstance(username, str) or not username.strip():
        raise Invalid("Dữ liệu không hợp lệ.", {"json": {"username": ["Phải chọn người được giao."]}})
    assignee = db.session.execute(select(User).where(User.username == username.strip())).scalar_one_or_none()
    if assignee is None or not policy.eligible_for(assignee, task.role, task.agency_code):
        raise Invalid("Dữ liệu không hợp lệ.",
                      {"json": {"username": ["Người này không đủ điều kiện xử lý nhiệm vụ."]}})
    task.assignee = assignee.username
    audit.append([_task_event("task_assigned", task, {"assignee": assignee.username})], user)
    db.session.commit()
    return task


def complete(user: User, task_id: str, data) -> tuple[ProcessInstance, list[HumanTask]]:
    """Complete one user task for `user`: the only way a user task is completed.

    `data` is the submitted form data, or a function that reads it (the API's body), called
    only once the task has passed the checks that come before the data in the contract.

    Two phases, so that the write transaction is short (on SQLite it holds the one database
    write lock; ADR 0013): the checks, the form, the handler and the engine run while the
    case is only read; then the write transaction locks the case, and if the case is still at
    the version that was read, the prepared step is written. A case changed in between is
    prepared again from what is now there (a few times, then 409)."""
    for _ in range(PREPARE_ATTEMPTS):
        prepared = _prepare_completion(user, task_id, data)
        data = prepared.data                     # the body is read once
        written = _write_completion(user, prepared)
        if written is not None:
            return written
    raise Conflict(CHANGED)


@dataclass
class _Prepared:
    task: HumanTask
    instance: ProcessInstance
    version: int
    data: dict
    pinned: bundles.Pinned
    ctx: HandlerContext
    events: list
    step: engine.Step
    new_rows: list                               # rows the handler and the vault added, not yet written
    parties: set                                 # the case's parties as read


def _prepare_completion(user: User, task_id: str, data) -> _Prepared:
    """Everything a completion decides, from a read of the case; nothing is written."""
    session = db.session()
    with session.no_autoflush:
        found = db.session.execute(_TASK_WITH_CASE, {"task_id": task_id}).first()
        if found is None:
            visible_task(user, task_id)                                     # 404 / 403 / 409 (gone)
        task, instance = found
        # The case's parties: who may see it, and the ones apply_step need not add again (only
        # apply_step adds parties, and it raises the version the write phase checks).
        parties = set(db.session.execute(_PARTIES, {"instance_id": instance.id}).scalars())
        if not policy.can_see_given_parties(user, instance.id, parties):
            raise NotFound("Không tìm thấy nhiệm vụ.")                       # 404
        _check_can_complete(user, task, instance)                           # 403 / 409
        if callable(data):
            data = data()
        pinned = bundles.for_instance(instance)
        values = validated(task.form_key, data, case=instance.data)                    # 422
        values = sealed(task.form_key, values, instance.id)
        binding = pinned.bindings.get(task.process_id, {}).get(task.element_id, {})
        ctx = HandlerContext(user, instance, task.element_id, task.name, values, task_id=task.id)
        handlers.run(binding.get("handler"), ctx)
        events = []
        if task.assignee is None:
            events.append(_task_event("task_claimed", task, {"assignee": user.username}))
        after = {**(instance.data or {}), **ctx.values}
        events.append(_task_event("task_completed", task, {"values": ctx.values,
                                                           "changes": data_changes(instance.data or {}, after)}))
        try:
            step = engine.complete(pinned.bundle, instance.state, task.id, ctx.values)
        except engine.TaskNotReady:
            raise Conflict(GONE) from None
    new_rows = list(session.new)
    for row in new_rows:                         # kept aside: ending the read must not write them
        session.expunge(row)
    return _Prepared(task, instance, instance.version, data, pinned, ctx, events, step, new_rows, parties)


def _write_completion(user: User, p: _Prepared) -> tuple[ProcessInstance, list[HumanTask]] | None:
    """Write the prepared step if the case has not changed since it was read; None if it has."""
    begin_write()
    # One narrow read under the lock: the objects read in the first phase stay as they are
    # when neither the case's version nor the task's holder has changed (any change of the
    # case raises its version; claims, releases and assignments change the holder).
    now = db.session.execute(_STILL_AS_READ, {"task_id": p.task.id, "instance_id": p.instance.id}).one_or_none()
    if now is None or now.version != p.version:
        db.session.rollback()
        return None
    if now.task_id is None:                      # done by someone else meanwhile
        raise Conflict(GONE)
    if now.assignee != p.task.assignee:          # claimed, released or reassigned meanwhile
        db.session.rollback()
        return None
    instance = p.instance
    db.session.add_all(p.new_rows)
    p.ctx.finish()
    instance.data = {**instance.data, **p.ctx.values}
    apply_step(instance, p.pinned, p.step, user, events=p.events, known_parties=p.parties)
    ready = ready_rows(instance)
    commit_keeping_objects()                 # the answer is what was just written: no re-reads
    remember_active(instance, ready)
    return instance, ready


def _check_can_complete(user: User, task: HumanTask, instance: ProcessInstance) -> None:
    _require_can_act(user, task)                                        # 403
    if task.assignee is not None and task.assignee != user.username:
        raise Conflict(f"Nhiệm vụ đang do {task.assignee} xử lý.")      # 409
    if instance.status not in ("running", "waiting"):
        raise Conflict("Hồ sơ không ở trạng thái xử lý.")


def form_of(user: User, task: HumanTask, instance: ProcessInstance) -> tuple[dict, dict]:
    """(JSON Schema, starting values) of the task's form for `user`."""
    from . import catalogue
    schema = forms.json_schema(task.form_key, choices=catalogue.choices())
    data = {k: instance.data[k] for k in forms.fields_of(task.form_key) if k in (instance.data or {})}
    if vault.references(data):
        if policy.has_clearance(user, instance):
            data = vault.revealed(data)
            audit.append([{"type": "data_revealed", "instance_id": instance.id, "task_id": task.id,
                           "element_id": task.element_id, "element_name": task.name,
                           "data": {"fields": [p for p, _ in vault.references(
                               {k: instance.data[k] for k in data})], "reason": "Mở biểu mẫu nhiệm vụ"}}], user)
            db.session.commit()
        else:
            data = vault.masked(data)
    return schema, data


def data_changes(before: dict, after: dict) -> dict:
    """{field: {"from": old, "to": new}} for every case-data field the completion changed
    (confidential fields compare and show as vault references, never in clear)."""
    return {key: {"from": before.get(key), "to": after.get(key)}
            for key in sorted(set(before) | set(after)) if before.get(key) != after.get(key)}


def _task_event(kind: str, task: HumanTask, data: dict) -> dict:
    return {"type": kind, "instance_id": task.instance_id, "element_id": task.element_id,
            "element_name": task.name, "task_id": task.id,
            "data": {"role": task.role, "agency": task.agency_code, **data}}
