"""Bring the database in line with one engine step, in the caller's transaction.

Every change of an instance goes through `apply_step`: new state and status, the inbox
rows (`human_task`) rewritten to match the READY user tasks, the agencies taking part,
and the history appended to the audit chain. One function, so that starting, completing,
firing a timer and cancelling can never disagree about what "saved" means.

Every task completion, start and timer runs this, so it writes with pre-built Core statements
rather than through the ORM's unit of work (which cost about half of the write phase): the
instance row by one UPDATE that also checks its version (the optimistic lock), the inbox rows
by one INSERT and one DELETE. The ORM objects are then told what the database now holds
(`set_committed_value`), so that nothing is written twice and reading them needs no query.
"""
from __future__ import annotations

from sqlalchemy import bindparam, event, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from .. import audit, clock, engine
from ..extensions import db
from ..models import HumanTask, InstanceParty, ProcessInstance
from .bundles import Pinned
from .errors import Conflict
from . import notifications
from .notifications import new_task_message

# One Core statement per dialect, compiled once and run with executemany (an ORM insert with a
# VALUES list of varying length is compiled again for every length).
_PARTIES_INSERT = {"postgresql": postgresql_insert(InstanceParty.__table__).on_conflict_do_nothing(),
                   "sqlite": sqlite_insert(InstanceParty.__table__).on_conflict_do_nothing()}
_READY = "advance.ready_rows"          # session.info: {instance id: inbox rows after the last step}

_INSTANCES, _TASKS = ProcessInstance.__table__, HumanTask.__table__
# What a step changes in the instance row (the case data is merged by the callers just before).
STEP_COLUMNS = ("state", "status", "error", "next_wakeup_at", "updated_at", "completed_at", "data")
_SAVE_INSTANCE = (_INSTANCES.update()
                  .where(_INSTANCES.c.id == bindparam("w_id"), _INSTANCES.c.version == bindparam("w_version"))
                  .values({**{name: bindparam(f"v_{name}") for name in STEP_COLUMNS},
                           "version": bindparam("v_version")}))
_INBOX_OF = select(_TASKS).where(_TASKS.c.instance_id == bindparam("instance_id"))
_INSERT_TASKS = _TASKS.insert()
_DELETE_TASKS = _TASKS.delete().where(_TASKS.c.id.in_(bindparam("ids", expanding=True)))
_SET_DUE = (_TASKS.update().where(_TASKS.c.id == bindparam("w_id")).values(due_at=bindparam("v_due_at")))
_TASK_COLUMNS = [c.key for c in _TASKS.columns]


def parties_of(data: dict) -> set[str]:
    """Agency codes named by the case data: keys ending in _agency or _agencies."""
    codes = set()
    for key, value in (data or {}).items():
        if key.endswith("_agency") and isinstance(value, str) and value:
            codes.add(value)
        elif key.endswith("_agencies") and isinstance(value, list):
            codes.update(v for v in value if isinstance(v, str) and v)
    return codes


def apply_step(instance: ProcessInstance, pinned: Pinned, step: engine.Step, actor,
               events: list[dict] | None = None, hops: int = 0,
               known_parties: set[str] | None = None) -> list[dict]:
    """Save `step` into `instance` and return the audit events written (as dicts).
    `known_parties`: the case's parties, if the caller has read them in this version of it."""
    now = clock.now()
    previous_status = instance.status
    _save_instance(instance, {
        "state": step.state, "status": step.status, "error": step.error,
        "next_wakeup_at": step.next_wakeup_at if step.status in ("running", "waiting") else None,
        "updated_at": now, "completed_at": now if step.status == "completed" else instance.completed_at,
        "data": instance.data})

    assigned = _sync_inbox(instance, pinned, step, now)
    _sync_parties(instance, (parties_of(instance.data) | {a["agency"] for a in assigned.values()})
                  - (known_parties or set()))

    history = list(events or [])
    for event in step.events:
        event = dict(event)
        if event["type"] == "task_ready" and event["task_id"] in assigned:
            event["data"] = {**event.get("data", {}), **assigned[event["task_id"]]}
        history.append(event)
    if step.status == "completed" and previous_status != "completed":
        history.append({"type": "instance_completed", "data": {}})
    for event in history:
        event.setdefault("instance_id", instance.id)
    audit.append(history, actor)
    if step.thrown:
        from .messages import route
        route(instance, pinned, step, actor, hops)
    return history


def _save_instance(instance: ProcessInstance, values: dict) -> None:
    """Write `values` into the instance row if it is still at the version read (else 409), and
    raise the version; the object then holds them as committed (no ORM flush writes it again)."""
    version = instance.version
    written = db.session.connection().execute(_SAVE_INSTANCE, {
        "w_id": instance.id, "w_version": version, "v_version": version + 1,
        **{f"v_{name}": value for name, value in values.items()}})
    if written.rowcount != 1:
        db.session.rollback()
        raise Conflict("Hồ sơ vừa được người khác cập nhật; hãy tải lại và thử lại.")
    for name, value in values.items():
        set_committed_value(instance, name, value)
    set_committed_value(instance, "version", version + 1)


def _sync_inbox(instance: ProcessInstance, pinned: Pinned, step: engine.Step, now) -> dict:
    """Rewrite the instance's inbox rows; return {task id: {role, agency, due_at}}."""
    connection = db.session.connection()
    existing = {row.id: row for row in connection.execute(_INBOX_OF, {"instance_id": instance.id})}
    assigned, due, new_rows, told = {}, {}, [], []
    for ready in step.ready:
        binding = pinned.bindings.get(ready.process_id, {}).get(ready.element_id, {})
        agency_var = binding.get("agency_var", "competent_agency")
        agency = ready.data.get(agency_var) or (instance.data or {}).get(agency_var) or ""
        role = binding.get("role") or ""
        assigned[ready.id] = {"role": role, "agency": agency,
                              "due_at": ready.due_at.isoformat() if ready.due_at else None}
        due[ready.id] = ready.due_at
        row = existing.get(ready.id)
        if row is not None:
            if row.due_at != ready.due_at:
                connection.execute(_SET_DUE, {"w_id": row.id, "v_due_at": ready.due_at})
            continue
        new_rows.append({"id": ready.id, "instance_id": instance.id, "process_id": ready.process_id,
                         "element_id": ready.element_id, "name": ready.name, "role": role,
                         "agency_code": agency, "form_key": binding.get("form_key") or "",
                         "assignee": None, "due_at": ready.due_at, "created_at": now})
        if role and agency:                 # a new task: its agency and role are told (notifications.py)
            told.append({"instance_id": instance.id, "recipient_username": None, "recipient_agency": agency,
                         "recipient_role": role, "created_at": now, "read_at": None,
                         "message": new_task_message(ready.name, instance.case_number, ready.id)})
    if new_rows:
        connection.execute(_INSERT_TASKS, new_rows)
    notifications.write(told)
    gone = [task_id for task_id in existing if task_id not in assigned]
    if gone:
        connection.execute(_DELETE_TASKS, {"ids": gone})
        for task_id in gone:                   # the session must not serve a row that is gone
            loaded = db.session.identity_map.get(identity_key(HumanTask, task_id))
            if loaded is not None:
                db.session.expunge(loaded)
    kept = [_task_object({**row._mapping, "due_at": due[task_id]}) for task_id, row in existing.items() if task_id in due]
    db.session().info.setdefault(_READY, {})[instance.id] = kept + [_task_object(row) for row in new_rows]
    return assigned


def _task_object(values: dict) -> HumanTask:
    """An inbox row as written, as an object for the answer: the session's own if it holds the
    row (brought up to date), else a detached one (never flushed)."""
    loaded = db.session.identity_map.get(identity_key(HumanTask, values["id"]))
    if loaded is not None:
        for name in ("assignee", "due_at"):
            set_committed_value(loaded, name, values[name])
        return loaded
    row = HumanTask(**{name: values[name] for name in _TASK_COLUMNS})
    make_transient_to_detached(row)
    return row


def ready_rows(instance: ProcessInstance) -> list[HumanTask]:
    """The inbox rows of `instance` as the last `apply_step` of this transaction left them,
    without a query (the answer to a completion lists them)."""
    return sorted(db.session().info[_READY][instance.id], key=lambda row: (row.created_at, row.id))


def _sync_parties(instance: ProcessInstance, codes: set[str]) -> None:
    """Add the agencies not yet taking part: one INSERT ... ON CONFLICT DO NOTHING, without
    reading the parties first (most steps add none; parties are never removed)."""
    if not codes:
        return
    dialect = db.session.get_bind().dialect.name
    rows = [{"instance_id": instance.id, "agency_code": code} for code in sorted(codes)]
    db.session.connection().execute(_PARTIES_INSERT[dialect], rows)


@event.listens_for(Session, "after_transaction_end")
def _forget_ready_rows(session, transaction):
    if transaction.parent is None:
        session.info.pop(_READY, None)
