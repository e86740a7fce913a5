"""The inbox query: which READY tasks a user sees, how many, and one page of them.

Built to stay fast with tens of thousands of open tasks (bench/bigdata.py):
- filters on the case (a search in case numbers, the process) are resolved once per request
  into the matching case ids (or a semi-join when there are many), so counting and ordering
  read `human_task` (and its covering indexes, migration 0005) and never the wide
  `process_instance` rows;
- the page is chosen on `human_task` alone, and only its rows are joined to their case for
  the case number (a "deferred join");
- counting needs no join at all: every task belongs to exactly one case (a NOT NULL
  foreign key, deleted with its case).
The results and their order are those of a plain join ordered by due date.
"""
from __future__ import annotations

from sqlalchemy import and_, func, or_, select

from .. import clock
from ..extensions import db
from ..models import HumanTask, ProcessInstance, User

SCOPES = ("mine", "group", "agency", "all")
MATCHED_IDS_MAX = 500
# Due date first (tasks without one last), then the oldest, then the id: a total order.
# Written NULLS LAST (not "due_at IS NULL, due_at") so that SQLite and PostgreSQL both read
# it straight from the scope's index and stop after one page, with no sort.
ORDER = (HumanTask.due_at.asc().nulls_last(), HumanTask.created_at, HumanTask.id)


def scope_clause(user: User, scope: str):
    mine = HumanTask.assignee == user.username
    group = and_(HumanTask.agency_code == user.agency_code, HumanTask.role.in_(user.roles),
                 or_(HumanTask.assignee.is_(None), mine))
    return {"mine": mine, "group": group, "agency": HumanTask.agency_code == user.agency_code,
            "all": or_(mine, group)}[scope]


def case_clause(*, process_model=None, q=None):
    """The WHERE clause on HumanTask for filters on the case (None when there are none).

    The matching cases are looked up once, here, rather than in every query of the request
    (a search in case numbers reads every case number): up to MATCHED_IDS_MAX of them become
    a list of ids; more than that and the filter stays a subquery."""
    on_case = []
    if process_model:
        on_case.append(ProcessInstance.process_model_id == process_model)
    if q:
        on_case.append(_contains(ProcessInstance.case_number, q))
    if not on_case:
        return None
    ids = db.session.execute(select(ProcessInstance.id).where(*on_case).limit(MATCHED_IDS_MAX + 1)).scalars().all()
    if len(ids) <= MATCHED_IDS_MAX:
        return HumanTask.instance_id.in_(ids)
    return HumanTask.instance_id.in_(select(ProcessInstance.id).where(*on_case))


def _contains(column, text: str):
    """Case-insensitive "contains". SQLite's LIKE already ignores case exactly as far as its
    lower() does (ASCII letters), so there the index is read without calling lower() on each
    row; elsewhere ILIKE."""
    if db.session.get_bind().dialect.name == "sqlite":
        return column.like(f"%{text}%")
    return column.ilike(f"%{text}%")


def conditions(user: User, *, scope="all", overdue=False, cases=None, now=None) -> list:
    """The WHERE clauses on HumanTask for a scope, the overdue filter and `case_clause`."""
    return _where(scope_clause(user, scope), overdue=overdue, cases=cases, now=now)


def _where(clause, *, overdue, cases, now) -> list:
    where = [clause]
    if overdue:
        where.append(HumanTask.due_at < (now or clock.now()))
    if cases is not None:
        where.append(cases)
    return where


def count(user: User, *, scope="all", overdue=False, cases=None, now=None) -> int:
    """How many tasks `conditions` selects. "all" (mine or my group's) is counted as two
    disjoint parts, mine and my group's unassigned ones, each read from one index."""
    now = now or clock.now()
    if scope != "all":
        parts = [conditions(user, scope=scope, overdue=overdue, cases=cases, now=now)]
    else:
        unassigned = and_(HumanTask.agency_code == user.agency_code, HumanTask.role.in_(user.roles),
                          HumanTask.assignee.is_(None))
        parts = [_where(clause, overdue=overdue, cases=cases, now=now)
                 for clause in (scope_clause(user, "mine"), unassigned)]
    counts = [select(func.count()).select_from(HumanTask).where(*where).scalar_subquery() for where in parts]
    return db.session.execute(select(sum(counts[1:], counts[0]))).scalar_one()


def page(where: list, *, page=1, per_page=50) -> list:
    """[(HumanTask, case_number)] of one page, in inbox order."""
    ids = select(HumanTask.id).where(*where).order_by(*ORDER).limit(per_page).offset((page - 1) * per_page)
    return db.session.execute(
        select(HumanTask, ProcessInstance.case_number)
        .join(ProcessInstance, ProcessInstance.id == HumanTask.instance_id)
        .where(HumanTask.id.in_(ids.scalar_subquery())).order_by(*ORDER)).all()
