"""The data generator of bench/bigdata.py: many cases and audit rows, fast, by bulk inserts.

Real engine state is not computed for every case. The cases already in the database (the
demo seed's sample cases, started and advanced through the services) are the templates:
each generated case is a clone of one of them with a new id and case number, its agencies
swapped (so that the work spreads over the four procedure agencies), its dates moved into
the last two years, and new task ids written consistently into its engine state, its
inbox rows, its audit events, its case-file entries and its notifications. A clone's page
therefore renders like its template's.

The audit rows continue the hash chain from the current head, hashed with the
application's own `workflow_app.audit.chain.event_hash`, in time order, and the head row
is moved to the last one, so that `flask audit verify` still passes.

`generate(cases, audit_rows)` runs inside an application context on a migrated and seeded
database; it commits in batches and returns a dict of counts and timings.
"""
from __future__ import annotations

import copy
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update

from workflow_app import clock
from workflow_app.audit.chain import HEAD_GENESIS, event_hash
from workflow_app.demo import DEMO_ACCOUNTS, PROCEDURE_AGENCIES
from workflow_app.extensions import db
from workflow_app.models import (AuditEvent, AuditHead, CaseCounter, CaseFileEntry, HumanTask,
                                 InstanceParty, Notification, ProcessInstance)

BATCH = 5000
DAYS = 730                      # cases spread over two years
RUNNING_WITHIN_DAYS = 45        # running cases are recent; many of their tasks are overdue
STATUS_WEIGHTS = {"running": 0.30, "completed": 0.60, "cancelled": 0.10}
# The busiest agency is the one that decides most requests (the provincial police).
AGENCY_WEIGHTS = {"CA_TINH": 0.55, "VKS_TINH": 0.15, "TAND_TINH": 0.15, "THADS_TINH": 0.15}
ASSIGNED_SHARE = 0.3
UNREAD_SHARE = 0.15
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass
class Template:
    """One existing case and every row that belongs to it."""
    instance: dict
    tasks: list[dict]
    parties: list[str]
    entries: list[dict]
    notifications: list[dict]
    events: list[dict]
    task_ids: set[str] = field(default_factory=set)


def _rows(model, *where) -> list[dict]:
    table = model.__table__
    return [dict(r._mapping) for r in db.session.execute(select(table).where(*where)).all()]


def load_templates() -> list[Template]:
    templates = []
    for inst in _rows(ProcessInstance):
        iid = inst["id"]
        events = _rows(AuditEvent, AuditEvent.instance_id == iid)
        events.sort(key=lambda e: e["seq"])
        tasks = _rows(HumanTask, HumanTask.instance_id == iid)
        t = Template(instance=inst, tasks=tasks,
                     parties=[p["agency_code"] for p in _rows(InstanceParty, InstanceParty.instance_id == iid)],
                     entries=_rows(CaseFileEntry, CaseFileEntry.instance_id == iid),
                     notifications=_rows(Notification, Notification.instance_id == iid), events=events)
        t.task_ids = {x["id"] for x in tasks} | {e["task_id"] for e in events if e["task_id"]}
        templates.append(t)
    if not templates:
        raise RuntimeError("no case to clone: seed the demo data first (flask seed-demo)")
    return templates


# -- one clone ----------------------------------------------------------------------------------
@dataclass
class Clone:
    template: Template
    status: str
    swap: dict[str, str]
    shift: timedelta
    id_map: dict[str, str]
    instance_id: str
    case_number: str


def _swap_value(value, swap: dict[str, str]):
    if isinstance(value, str):
        return swap.get(value, value)
    if isinstance(value, list):
        return [_swap_value(v, swap) for v in value]
    if isinstance(value, dict):
        return {k: _swap_value(v, swap) for k, v in value.items()}
    return value


def _swap_user(username: str | None, swap: dict[str, str]) -> str | None:
    """"role.agency" of a demo account moved with its agency (the same role elsewhere)."""
    if not username or "." not in username:
        return username
    role, agency = username.rsplit(".", 1)
    moved = swap.get(agency.upper())
    return f"{role}.{moved.lower()}" if moved else username


def _remap(text: str, clone: Clone) -> str:
    """Task ids (and the template's case number) replaced by the clone's in a string."""
    if not text:
        return text
    text = UUID.sub(lambda m: clone.id_map.get(m.group(0), m.group(0)), text)
    return text.replace(clone.template.instance["case_number"], clone.case_number)


def _shifted(value: datetime | None, clone: Clone) -> datetime | None:
    return None if value is None else value + clone.shift


def _instance_row(clone: Clone, now: datetime) -> dict:
    src = clone.template.instance
    data = _swap_value(copy.deepcopy(src["data"] or {}), clone.swap)
    data["case_number"] = clone.case_number
    row = {**src, "id": clone.instance_id, "case_number": clone.case_number, "data": data,
           "state": _remap(src["state"] or "", clone), "status": clone.status, "version": 1,
           "started_by": _swap_user(src["started_by"], clone.swap),
           "created_at": _shifted(src["created_at"], clone), "updated_at": _shifted(src["updated_at"], clone),
           "completed_at": _shifted(src["completed_at"], clone),
           "next_wakeup_at": _shifted(src["next_wakeup_at"], clone)}
    if clone.status == "cancelled":
        row["completed_at"] = row["updated_at"] = row["created_at"] + timedelta(days=3)
        row["next_wakeup_at"] = None
    if clone.status != "running":
        row["next_wakeup_at"] = None
        row["updated_at"] = max(row["updated_at"], row["completed_at"] or row["updated_at"])
    return row


def _task_rows(clone: Clone, rng: random.Random, assignees: dict) -> list[dict]:
    if clone.status != "running":
        return []
    rows = []
    for src in clone.template.tasks:
        agency = clone.swap.get(src["agency_code"], src["agency_code"])
        assignee = _swap_user(src["assignee"], clone.swap)
        if assignee is None and rng.random() < ASSIGNED_SHARE:
            assignee = assignees.get((src["role"], agency))
        rows.append({**src, "id": clone.id_map[src["id"]], "instance_id": clone.instance_id,
                     "agency_code": agency, "assignee": assignee,
                     "due_at": _shifted(src["due_at"], clone), "created_at": _shifted(src["created_at"], clone)})
    return rows


def _event_fields(src: dict, clone: Clone) -> dict:
    return {"at": src["at"] + clone.shift, "actor_username": _swap_user(src["actor_username"], clone.swap),
            "actor_agency": clone.swap.get(src["actor_agency"], src["actor_agency"]),
            "type": src["type"], "instance_id": clone.instance_id, "element_id": src["element_id"],
            "element_name": src["element_name"],
            "task_id": clone.id_map.get(src["task_id"], src["task_id"]) if src["task_id"] else None,
            "data": _swap_value(src["data"] or {}, clone.swap)}


def _filler_event(clone: Clone, at: datetime, rng: random.Random) -> dict:
    """An access to the case's confidential values: the commonest event a case gains later."""
    agency = clone.swap.get("CA_TINH", "CA_TINH")
    return {"at": at, "actor_username": f"leader.{agency.lower()}", "actor_agency": agency,
            "type": "data_revealed", "instance_id": clone.instance_id, "element_id": None,
            "element_name": None, "task_id": None,
            "data": {"fields": ["protected_persons[0].phone"], "reason": rng.choice(
                ["Liên hệ người được bảo vệ", "Kiểm tra định kỳ", "Phối hợp bảo vệ"])}}


def _events(clone: Clone, budget: int, rng: random.Random, now: datetime) -> list[dict]:
    events = [_event_fields(e, clone) for e in clone.template.events[:budget]]
    start = events[-1]["at"] if events else clone.template.instance["created_at"] + clone.shift
    if clone.status == "cancelled" and len(events) < budget:
        events.append({"at": start + timedelta(days=3), "actor_username": "admin", "actor_agency": "BNC_TU",
                       "type": "instance_cancelled", "instance_id": clone.instance_id, "element_id": None,
                       "element_name": None, "task_id": None, "data": {"reason": "Người đề nghị rút đề nghị."}})
    while len(events) < budget:
        span = max(1.0, (now - start).total_seconds())
        events.append(_filler_event(clone, start + timedelta(seconds=rng.uniform(0, span)), rng))
    return events


def _entry_rows(clone: Clone) -> list[dict]:
    rows = []
    for src in clone.template.entries:
        row = {k: v for k, v in src.items() if k != "id"}
        row.update(instance_id=clone.instance_id, content=_swap_value(src["content"] or {}, clone.swap),
                   task_id=clone.id_map.get(src["task_id"], src["task_id"]) if src["task_id"] else None,
                   created_by=_swap_user(src["created_by"], clone.swap), created_at=src["created_at"] + clone.shift)
        rows.append(row)
    return rows


def _notification_rows(clone: Clone, rng: random.Random, now: datetime) -> list[dict]:
    rows = []
    for src in clone.template.notifications:
        created = src["created_at"] + clone.shift
        unread = clone.status == "running" and rng.random() < UNREAD_SHARE
        rows.append({"instance_id": clone.instance_id,
                     "recipient_username": _swap_user(src["recipient_username"], clone.swap),
                     "recipient_agency": clone.swap.get(src["recipient_agency"], src["recipient_agency"]),
                     "recipient_role": src["recipient_role"], "message": _remap(src["message"], clone),
                     "created_at": created,
                     "read_at": None if unread else min(now, created + timedelta(hours=rng.uniform(0.2, 48)))})
    return rows


# -- the plan -----------------------------------------------------------------------------------
def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _swap_for(rng: random.Random) -> dict[str, str]:
    """A permutation of two procedure agencies: CA_TINH's work goes to `target` and back."""
    target = _pick(rng, AGENCY_WEIGHTS)
    return {} if target == "CA_TINH" else {"CA_TINH": target, target: "CA_TINH"}


def _templates_by_status(templates: list[Template]) -> dict[str, list[Template]]:
    running = [t for t in templates if t.instance["status"] in ("running", "waiting") and t.tasks]
    done = [t for t in templates if t.instance["status"] == "completed"] or running
    return {"running": running or done, "completed": done, "cancelled": running or done}


def _budgets(clones: list[Clone], audit_rows: int) -> list[int]:
    """Audit rows per case: proportional to its template's history, `audit_rows` in all."""
    natural = [max(1, len(c.template.events)) + (c.status == "cancelled") for c in clones]
    scale = audit_rows / max(1, sum(natural))
    budgets, carry = [], 0.0
    for n in natural:
        carry += n * scale
        take = int(carry)
        budgets.append(take)
        carry -= take
    budgets[-1] += audit_rows - sum(budgets)
    return budgets


@dataclass
class Numbering:
    prefix_of: dict[str, str]
    counters: dict[tuple[str, int], int]

    def next(self, process_model_id: str, created: datetime) -> str:
        prefix = self.prefix_of[process_model_id]
        key = (prefix, clock.as_utc(created).year)
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{prefix}-{key[1]}-{self.counters[key]:06d}"


def _numbering(templates: list[Template]) -> Numbering:
    prefix_of = {t.instance["process_model_id"]: t.instance["case_number"].split("-")[0] for t in templates}
    counters = {(r.prefix, r.year): r.value for r in db.session.execute(select(CaseCounter)).scalars()}
    return Numbering(prefix_of, counters)


def plan(templates: list[Template], cases: int, rng: random.Random, now: datetime
         ) -> tuple[list[Clone], Numbering]:
    by_status = _templates_by_status(templates)
    numbering = _numbering(templates)
    starts = []
    for _ in range(cases):
        status = _pick(rng, STATUS_WEIGHTS)
        days = RUNNING_WITHIN_DAYS if status == "running" else DAYS
        starts.append((now - timedelta(days=rng.uniform(2 if status != "running" else 0, days)), status))
    starts.sort(key=lambda s: s[0])                 # case numbers follow the dates
    clones = []
    for created, status in starts:
        template = rng.choice(by_status[status])
        clones.append(Clone(template=template, status=status, swap=_swap_for(rng),
                            shift=created - template.instance["created_at"],
                            id_map={tid: str(uuid.uuid4()) for tid in template.task_ids},
                            instance_id=uuid.uuid4().hex,
                            case_number=numbering.next(template.instance["process_model_id"], created)))
    return clones, numbering


# -- writing ------------------------------------------------------------------------------------
def _insert(model, rows: list[dict]) -> None:
    for i in range(0, len(rows), BATCH):
        db.session.execute(insert(model.__table__), rows[i:i + BATCH])


def _assignees() -> dict[tuple[str, str], str]:
    return {(role, agency): f"{role}.{agency.lower()}" for role, agency in DEMO_ACCOUNTS}


def _write_counters(numbering: Numbering) -> None:
    existing = {(r.prefix, r.year) for r in db.session.execute(select(CaseCounter)).scalars()}
    for (prefix, year), value in numbering.counters.items():
        if (prefix, year) in existing:
            db.session.execute(update(CaseCounter).where(CaseCounter.prefix == prefix, CaseCounter.year == year)
                               .values(value=value))
        else:
            db.session.execute(insert(CaseCounter).values(prefix=prefix, year=year, value=value))


def write_cases(clones: list[Clone], numbering: Numbering, rng: random.Random, now: datetime) -> dict:
    """Cases, their inbox rows, parties, case-file entries and notifications, batch by batch."""
    counts = dict.fromkeys(("process_instance", "human_task", "instance_party", "case_file_entry",
                            "notification"), 0)
    assignees = _assignees()
    for i in range(0, len(clones), BATCH):
        chunk = clones[i:i + BATCH]
        rows = {
            ProcessInstance: [_instance_row(c, now) for c in chunk],
            InstanceParty: [{"instance_id": c.instance_id, "agency_code": c.swap.get(a, a)}
                            for c in chunk for a in c.template.parties],
            HumanTask: [r for c in chunk for r in _task_rows(c, rng, assignees)],
            CaseFileEntry: [r for c in chunk for r in _entry_rows(c)],
            Notification: [r for c in chunk for r in _notification_rows(c, rng, now)],
        }
        for model, batch in rows.items():         # parents first: the dict keeps this order
            _insert(model, batch)
            counts[model.__tablename__] += len(batch)
        db.session.commit()
    _write_counters(numbering)
    db.session.commit()
    return counts


def _locked_head() -> AuditHead:
    head = db.session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, seq=0, hash=HEAD_GENESIS)
        db.session.add(head)
        db.session.flush()
    return head


def write_audit(clones: list[Clone], audit_rows: int, rng: random.Random, now: datetime) -> int:
    """The clones' audit events in time order, chained from the current head, in one
    transaction with the head's move (a failure leaves the chain as it was)."""
    events = [e for c, budget in zip(clones, _budgets(clones, audit_rows)) for e in _events(c, budget, rng, now)]
    events.sort(key=lambda e: e["at"])
    head = _locked_head()
    seq, prev = head.seq, head.hash
    batch = []
    for fields in events:
        seq += 1
        fields["seq"] = seq
        digest = event_hash(fields, prev)
        batch.append({**fields, "prev_hash": prev, "hash": digest})
        prev = digest
        if len(batch) >= BATCH:
            _insert(AuditEvent, batch)
            batch = []
    _insert(AuditEvent, batch)
    db.session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=seq, hash=prev))
    db.session.commit()
    return len(events)


def generate(cases: int, audit_rows: int, *, seed: int = 183, log=lambda *_: None) -> dict:
    """Clone the existing cases into `cases` more cases and `audit_rows` more audit events."""
    rng = random.Random(seed)
    now = clock.now()
    t0 = time.perf_counter()
    templates = load_templates()
    clones, numbering = plan(templates, cases, rng, now)
    log(f"planned {len(clones)} cases from {len(templates)} templates in {time.perf_counter() - t0:.1f} s")
    t1 = time.perf_counter()
    counts = write_cases(clones, numbering, rng, now)
    counts["cases_s"] = time.perf_counter() - t1
    log(f"cases written in {counts['cases_s']:.1f} s: {counts}")
    t2 = time.perf_counter()
    counts["audit_event"] = write_audit(clones, audit_rows, rng, now)
    counts["audit_s"] = time.perf_counter() - t2
    log(f"{counts['audit_event']} audit rows written in {counts['audit_s']:.1f} s")
    counts["total_s"] = time.perf_counter() - t0
    return counts
