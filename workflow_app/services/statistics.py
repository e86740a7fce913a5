"""Figures of a period, computed from the database: what a sơ kết or tổng kết report cites.

Each figure is defined in docs/statistics.md; that page and the queries here change
together. A period is whole days in Asia/Ho_Chi_Minh, both ends included. Figures come
from two places only: the cases (`process_instance`: when a case was received, its current
data) and the audit log (when each task became ready with which due date, when it was
completed with which values), so they can be recomputed at any time and checked by hand.
The result is JSON-native, ready for an API answer or for case data.
"""
from __future__ import annotations

import math
import statistics as stats
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select

from forms.choices import THREAT_TYPES

from .. import clock
from ..extensions import db
from ..models import AuditEvent, Measure, ProcessInstance

PROTECTION = "protection_request"
DECISION_TASK = "decide"                      # bpmn/protection_request.bpmn
APPLIED, REFUSED = "ap_dung", "tu_choi"
EMERGENCY = "khan_cap"
COMPLAINTS = "complaint_post_decision"
COMPLAINT_KINDS = ("khieu_nai", "to_cao", "kien_nghi")   # forms/complaint.py PETITION_KINDS
COMPLAINT_OUTCOMES = ("khong_thu_ly", "dung", "dung_mot_phan", "sai", "da_tra_loi", "dang_giai_quyet")
CHUNK = 500                                   # ids per IN (...) query


def compute(period_start: date, period_end: date, agency: str | None = None) -> dict:
    """Every figure of the period [period_start, period_end] (local days), optionally for one agency."""
    start, end = bounds(period_start, period_end)
    received = _cases(PROTECTION, start, end, agency)
    first_decisions, decisions_in_period = _decisions(start, end, agency)
    return {
        "period": {"from": period_start.isoformat(), "to": period_end.isoformat(), "agency": agency,
                   "timezone": str(clock.LOCAL_TZ)},
        "requests": _requests(received, first_decisions),
        "measures_applied": _measures(decisions_in_period),
        "time_to_decision_hours": _decision_times(first_decisions),
        "deadlines": _deadlines(start, end, agency),
        "threats": _threats(received),
        "complaints": _complaints(_cases(COMPLAINTS, start, end, agency)),
    }


def bounds(period_start: date, period_end: date) -> tuple[datetime, datetime]:
    """[first instant, instant after the last day) of the period, in UTC."""
    start = datetime.combine(period_start, time.min, tzinfo=clock.LOCAL_TZ)
    end = datetime.combine(period_end + timedelta(days=1), time.min, tzinfo=clock.LOCAL_TZ)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least `fraction` of all at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


# -- what is read -------------------------------------------------------------------------------
def _cases(process_id: str, start: datetime, end: datetime, agency: str | None) -> list[tuple]:
    """(id, created_at, data) of the cases of `process_id` received in the period."""
    rows = db.session.execute(select(ProcessInstance.id, ProcessInstance.created_at, ProcessInstance.data).where(
        ProcessInstance.process_model_id == process_id, ProcessInstance.created_at >= start,
        ProcessInstance.created_at < end)).all()
    return [row for row in rows if agency is None or (row.data or {}).get("competent_agency") == agency]


def _decisions(start: datetime, end: datetime, agency: str | None) -> tuple[list[dict], list[dict]]:
    """(first decision of each case when it falls in the period, every decision in the period).

    A decision is the completion of the head's decision task; a case is decided again after a
    review that changes its measures, but it was received and decided once."""
    rows = db.session.execute(
        select(AuditEvent.instance_id, AuditEvent.at, AuditEvent.data, ProcessInstance.created_at)
        .join(ProcessInstance, ProcessInstance.id == AuditEvent.instance_id)
        .where(AuditEvent.type == "task_completed", AuditEvent.element_id == DECISION_TASK,
               ProcessInstance.process_model_id == PROTECTION, AuditEvent.at < end)
        .order_by(AuditEvent.seq)).all()
    firsts, seen, in_period = [], set(), []
    for row in rows:
        data = row.data or {}
        decision = {"case": row.instance_id, "at": clock.as_utc(row.at), "received_at": clock.as_utc(row.created_at),
                    "agency": data.get("agency"), "values": data.get("values") or {}}
        is_first = row.instance_id not in seen
        seen.add(row.instance_id)
        if decision["at"] < start or (agency is not None and decision["agency"] != agency):
            continue
        in_period.append(decision)
        if is_first:
            firsts.append(decision)
    return firsts, in_period


def _ready_events(task_ids: list[str]) -> dict[str, dict]:
    found = {}
    for i in range(0, len(task_ids), CHUNK):
        rows = db.session.execute(select(AuditEvent.task_id, AuditEvent.data).where(
            AuditEvent.type == "task_ready", AuditEvent.task_id.in_(task_ids[i:i + CHUNK]))
            .order_by(AuditEvent.seq)).all()
        for task_id, data in rows:
            found.setdefault(task_id, data or {})
    return found


# -- the figures -----------------------------------------------------------------------------------
def _requests(received: list[tuple], first_decisions: list[dict]) -> dict:
    outcomes = Counter(d["values"].get("decision_outcome") for d in first_decisions)
    return {"received": len(received),
            "emergency": sum(1 for r in received if (r.data or {}).get("request_kind") == EMERGENCY),
            "decided": len(first_decisions), "applied": outcomes[APPLIED], "refused": outcomes[REFUSED]}


def _measures(decisions: list[dict]) -> dict:
    """Cases in which each measure was applied by a decision of the period (once per case)."""
    per_case: dict[str, set] = {}
    for decision in decisions:
        if decision["values"].get("decision_outcome") == APPLIED:
            per_case.setdefault(decision["case"], set()).update(decision["values"].get("measures") or [])
    counts = Counter(code for codes in per_case.values() for code in codes)
    catalogue = db.session.execute(select(Measure.code).order_by(Measure.position, Measure.code)).scalars()
    result = {code: counts.pop(code, 0) for code in catalogue}
    result.update(counts)                    # a code no longer in the catalogue still counts
    return result


def _decision_times(first_decisions: list[dict]) -> dict:
    hours = [(d["at"] - d["received_at"]).total_seconds() / 3600 for d in first_decisions]
    median = stats.median(hours) if hours else None
    p90 = percentile(hours, 0.9)
    return {"cases": len(hours), "median": None if median is None else round(median, 2),
            "p90": None if p90 is None else round(p90, 2)}


def _deadlines(start: datetime, end: datetime, agency: str | None) -> dict:
    """Tasks completed in the period that had a due date: on time when completed by it."""
    completed = db.session.execute(select(AuditEvent.task_id, AuditEvent.at).where(
        AuditEvent.type == "task_completed", AuditEvent.at >= start, AuditEvent.at < end,
        AuditEvent.task_id.is_not(None))).all()
    ready = _ready_events(sorted({task_id for task_id, _ in completed}))
    on_time = late = 0
    for task_id, at in completed:
        data = ready.get(task_id, {})
        if not data.get("due_at") or (agency is not None and data.get("agency") != agency):
            continue
        if clock.as_utc(at) <= datetime.fromisoformat(data["due_at"]):
            on_time += 1
        else:
            late += 1
    total = on_time + late
    return {"tasks_with_deadline": total, "on_time": on_time, "late": late,
            "on_time_rate": round(on_time / total, 4) if total else None}


def _threats(received: list[tuple]) -> dict:
    counts = Counter(code for r in received for code in set((r.data or {}).get("threat_types") or []))
    result = {code: counts.pop(code, 0) for code in THREAT_TYPES.codes}
    result.update(counts)
    return result


def complaint_outcome(data: dict) -> str:
    """Where a complaint or denunciation stands, from the fields of forms/complaint.py.

    Not accepted; else the finding of the last decision or conclusion (a second-instance
    decision replaces the first; a refused second instance leaves the first standing); else a
    petition that was answered; else still in hand."""
    if data.get("accepted") is False:
        return "khong_thu_ly"
    finding = data.get("complaint_finding") or data.get("denunciation_finding")
    if finding:
        return finding
    if data.get("answer_content"):
        return "da_tra_loi"
    return "dang_giai_quyet"


def _complaints(received: list[tuple]) -> dict:
    kinds = Counter((r.data or {}).get("petition_kind") for r in received)
    outcomes = Counter(complaint_outcome(r.data or {}) for r in received)
    by_kind = {kind: kinds.pop(kind, 0) for kind in COMPLAINT_KINDS}
    by_kind.update({k: v for k, v in kinds.items() if k})
    by_outcome = {outcome: outcomes.pop(outcome, 0) for outcome in COMPLAINT_OUTCOMES}
    by_outcome.update(outcomes)
    return {"received": len(received), "by_kind": by_kind, "by_outcome": by_outcome}
