"""Finding events across every case: the one query behind the auditor's pages, the API
and the exports.

Auditors see every case whatever agency it belongs to, so nothing here narrows by the
caller; who may call it at all is `policy.can_read_audit`. "Agency" means a party to the
case (requesting, competent, cooperating, executing), as in the visibility rule.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, exists, func, or_, select

from .. import clock
from ..extensions import db
from ..models import AuditEvent, InstanceParty, ProcessInstance

PAGE_SIZE = 50
DATE_INPUT = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


@dataclass(frozen=True)
class Filters:
    case_number: str = ""        # part of a case number, any case
    instance_id: str = ""        # one case, exactly
    process_model: str = ""
    agency: str = ""             # a party to the case
    actor: str = ""
    actor_exact: bool = False    # the API matches a username exactly; the page, any part of it
    type: str = ""
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    newest_first: bool = False
    up_to_seq: int | None = None   # an export stops at the chain head it is stamped with

    def described(self) -> dict:
        """The filters that were set, as JSON-ready values (for the trail and the exports)."""
        out = {}
        for key, value in asdict(self).items():
            if key in ("actor_exact", "newest_first", "up_to_seq") or value in ("", None):
                continue
            out[key] = value.isoformat() if isinstance(value, datetime) else value
        return out


def parse_date(raw: str) -> date:
    """dd/mm/yyyy, as Vietnamese officials write dates; ValueError otherwise."""
    match = DATE_INPUT.match(raw or "")
    if not match:
        raise ValueError(raw)
    day, month, year = (int(g) for g in match.groups())
    return date(year, month, day)


def local_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=clock.LOCAL_TZ).astimezone(timezone.utc)


def from_page(args) -> tuple[Filters, dict]:
    """Filters from the search form; errors {field: message} for dates that are not dates."""
    errors, bounds = {}, {}
    for name in ("from_date", "to_date"):
        raw = (args.get(name) or "").strip()
        if raw:
            try:
                bounds[name] = parse_date(raw)
            except ValueError:
                errors[name] = "Ngày phải theo dạng dd/mm/yyyy, ví dụ 05/03/2026."
    if "from_date" in bounds and "to_date" in bounds and bounds["to_date"] < bounds["from_date"]:
        errors["to_date"] = "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."
    since = local_day_start(bounds["from_date"]) if "from_date" in bounds and not errors else None
    until = (local_day_start(bounds["to_date"] + timedelta(days=1))
             if "to_date" in bounds and not errors else None)
    filters = Filters(case_number=_text(args, "case_number"), process_model=_text(args, "process_model"),
                      agency=_text(args, "agency"), actor=_text(args, "actor"), type=_text(args, "type"),
                      since=since, until=until, newest_first=args.get("order", "desc") != "asc")
    return filters, errors


def page_query_args(args) -> dict:
    """The search form's own parameters, to carry into paging and export links."""
    keys = ("case_number", "process_model", "agency", "actor", "type", "from_date", "to_date", "order")
    return {k: args.get(k) for k in keys if args.get(k)}


def _text(args, name: str) -> str:
    return (args.get(name) or "").strip()[:200]


def _where(filters: Filters) -> list:
    where = []
    if filters.instance_id:
        where.append(AuditEvent.instance_id == filters.instance_id)
    if filters.case_number:
        pattern = f"%{_escape(filters.case_number)}%"
        where.append(ProcessInstance.case_number.ilike(pattern, escape="\\"))
    if filters.process_model:
        where.append(or_(ProcessInstance.process_model_id == filters.process_model,
                         and_(AuditEvent.type == "process_deployed",
                              AuditEvent.element_id == filters.process_model)))
    if filters.agency:
        where.append(exists().where(InstanceParty.instance_id == AuditEvent.instance_id,
                                    InstanceParty.agency_code == filters.agency))
    if filters.actor:
        if filters.actor_exact:
            where.append(AuditEvent.actor_username == filters.actor)
        else:
            where.append(AuditEvent.actor_username.ilike(f"%{_escape(filters.actor)}%", escape="\\"))
    if filters.type:
        where.append(AuditEvent.type == filters.type)
    if filters.since:
        where.append(AuditEvent.at >= filters.since)
    if filters.until:
        where.append(AuditEvent.at < filters.until)
    if filters.up_to_seq is not None:
        where.append(AuditEvent.seq <= filters.up_to_seq)
    return where


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _base(filters: Filters):
    return (select(AuditEvent, ProcessInstance.case_number, ProcessInstance.process_model_id)
            .outerjoin(ProcessInstance, ProcessInstance.id == AuditEvent.instance_id)
            .where(*_where(filters)))


def count(filters: Filters) -> int:
    query = (select(func.count()).select_from(AuditEvent)
             .outerjoin(ProcessInstance, ProcessInstance.id == AuditEvent.instance_id).where(*_where(filters)))
    return db.session.execute(query).scalar_one()


def events(filters: Filters, *, limit: int | None = PAGE_SIZE, offset: int = 0) -> list:
    """Rows (event, case number, process model), in seq order (newest first if asked)."""
    order = AuditEvent.seq.desc() if filters.newest_first else AuditEvent.seq
    query = _base(filters).order_by(order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return db.session.execute(query).all()


def cases(filters: Filters, limit: int = 20) -> tuple[list[ProcessInstance], int]:
    """The cases that have at least one matching event: the way to "find a case"."""
    ids = (select(AuditEvent.instance_id).distinct()
           .outerjoin(ProcessInstance, ProcessInstance.id == AuditEvent.instance_id)
           .where(AuditEvent.instance_id.is_not(None), *_where(filters)))
    total = db.session.execute(select(func.count()).select_from(ids.subquery())).scalar_one()
    rows = db.session.execute(select(ProcessInstance).where(ProcessInstance.id.in_(ids))
                              .order_by(ProcessInstance.created_at.desc(), ProcessInstance.id)
                              .limit(limit)).scalars().all()
    return list(rows), total


def known_types() -> list[str]:
    """The search menu's event types (see titles.py)."""
    from .titles import EVENT_TITLES
    return list(EVENT_TITLES)
