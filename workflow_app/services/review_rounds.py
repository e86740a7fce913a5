"""Review rounds (sơ kết, tổng kết) on a schedule: one new case per round, never a loop.

A round is a case of `periodic_review` (bpmn/periodic_review.bpmn). The monitor may start
one by hand through the API; a scheduler calls `start_due()` (e.g. daily) and gets the round
of the period that has just ended, started once: a round that already exists for the same
kind and period is returned, not repeated, so calling again is harmless. A round someone
cancelled stays cancelled for the scheduler (beat calls it every hour); a monitor who wants
it again starts it by hand. Rounds are few
(two a year), so finding an existing one reads them all rather than querying JSON.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from .. import clock
from ..auth import policy
from ..extensions import db
from ..models import ProcessInstance, ProcessModel, User, UserRole
from . import bundles
from .errors import Forbidden, NotFound, ServiceError
from .instances import create_case, start_binding
from .tx import begin_write

PROCESS = "periodic_review"
# The units the provincial plan assigns (KH-II.2 to II.6): People's Committee, People's
# Council, Fatherland Front, Inspection Committee, Propaganda, and the four procedure agencies.
PLAN_UNITS = ("UBND_TINH", "HDND_TINH", "MTTQ_TINH", "UBKT_TU", "BTGDV_TU",
              "CA_TINH", "VKS_TINH", "TAND_TINH", "THADS_TINH")
DIRECTIVES = {
    "so_ket": "Báo cáo sơ kết kết quả thực hiện Quy định 183-QĐ/TW và Kế hoạch của Ban Thường vụ Tỉnh ủy "
              "trong kỳ; nêu kết quả, hạn chế, nguyên nhân và đề xuất.",
    "tong_ket": "Báo cáo tổng kết kết quả thực hiện Quy định 183-QĐ/TW và Kế hoạch của Ban Thường vụ Tỉnh ủy "
                "trong năm; nêu kết quả, hạn chế, nguyên nhân, bài học kinh nghiệm và đề xuất.",
    "trien_khai": "Quán triệt, xây dựng chương trình, kế hoạch thực hiện Quy định 183-QĐ/TW và Kế hoạch của "
                  "Ban Thường vụ Tỉnh ủy; báo cáo kết quả triển khai.",
}


def start_round(period_start: date, period_end: date, kind: str, *, responsible_agencies=None,
                report_days: int | None = None, started_by: str | None = None,
                scheduled: bool = False) -> ProcessInstance:
    """The round of `kind` for [period_start, period_end]: the existing one, or a new case.

    `started_by` names the monitor on whose behalf the round opens (default: the first
    active monitor by username); the start form validates everything else (422).
    `scheduled` (the scheduler's call) also returns a cancelled round instead of reopening it."""
    begin_write()
    # One starter at a time: the model row is the lock, so two schedulers cannot both miss
    # the other's round and open it twice.
    model = db.session.execute(select(ProcessModel).where(ProcessModel.id == PROCESS)
                               .with_for_update().execution_options(populate_existing=True)).scalar_one_or_none()
    if model is None:
        db.session.rollback()
        raise NotFound(f"Không có quy trình '{PROCESS}'.")
    existing = find_round(period_start, period_end, kind, include_cancelled=scheduled)
    if existing is not None:
        db.session.commit()
        return existing
    try:
        instance = _open(period_start, period_end, kind, responsible_agencies, report_days, started_by)
    except ServiceError:
        db.session.rollback()           # a scheduler keeps its session: leave nothing half done
        raise
    db.session.commit()
    return instance


def _open(period_start, period_end, kind, responsible_agencies, report_days, started_by) -> ProcessInstance:
    user = _starter(started_by)
    top = bundles.latest_version(PROCESS)
    pinned = bundles.pinned(PROCESS, bundles.resolve_called(top))
    if not policy.can_start(user, start_binding(pinned, PROCESS)):
        raise Forbidden("Người dùng này không được mở đợt sơ kết, tổng kết.")
    data = {"review_kind": kind, "period_start": period_start.isoformat(), "period_end": period_end.isoformat(),
            "responsible_agencies": list(responsible_agencies or PLAN_UNITS),
            "directive": DIRECTIVES.get(kind, DIRECTIVES["so_ket"])}
    if report_days is not None:
        data["report_days"] = report_days
    return create_case(user, PROCESS, data, top=top, pinned=pinned)


def find_round(period_start: date, period_end: date, kind: str, *,
               include_cancelled: bool = False) -> ProcessInstance | None:
    """A round of `kind` for exactly this period (not cancelled, unless asked); a round that
    is not cancelled comes first."""
    query = select(ProcessInstance).where(ProcessInstance.process_model_id == PROCESS)
    if not include_cancelled:
        query = query.where(ProcessInstance.status != "cancelled")
    rounds = sorted(db.session.execute(query.order_by(ProcessInstance.created_at)).scalars(),
                    key=lambda r: r.status == "cancelled")
    wanted = (kind, period_start.isoformat(), period_end.isoformat())
    return next((r for r in rounds if (r.data.get("review_kind"), r.data.get("period_start"),
                                       r.data.get("period_end")) == wanted), None)


def periods_due(on: date) -> list[tuple[date, date, str]]:
    """The round whose period has ended by `on`: the first half-year is reviewed (sơ kết)
    from 1 July, the whole year (tổng kết) from 1 January of the next year."""
    if on.month >= 7:
        return [(date(on.year, 1, 1), date(on.year, 6, 30), "so_ket")]
    return [(date(on.year - 1, 1, 1), date(on.year - 1, 12, 31), "tong_ket")]


def start_due(on: date | None = None, **options) -> list[ProcessInstance]:
    """What a scheduler calls: the due round, started once (see the module docstring)."""
    on = on or clock.local_now().date()
    return [start_round(start, end, kind, scheduled=True, **options) for start, end, kind in periods_due(on)]


def _starter(username: str | None) -> User:
    query = select(User).join(UserRole, UserRole.user_id == User.id).where(
        UserRole.role == "monitor", User.active.is_(True)).order_by(User.username)
    if username:
        query = query.where(User.username == username)
    user = db.session.execute(query.limit(1)).scalar_one_or_none()
    if user is None:
        raise NotFound("Không có cán bộ theo dõi (monitor) để mở đợt sơ kết, tổng kết.")
    return user
