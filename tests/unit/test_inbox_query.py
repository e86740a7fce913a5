"""The inbox query (services/inbox.py): the same tasks, order and totals as a plain join.

The reference below is the query the inbox used before it was split for large databases:
one join of tasks and cases, filtered, counted and ordered in one piece.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from workflow_app import clock
from workflow_app.demo import ensure_sample_cases
from workflow_app.extensions import db
from workflow_app.models import HumanTask, ProcessInstance, User
from workflow_app.services import inbox, tasks


def reference(user, scope, overdue, q):
    query = select(HumanTask, ProcessInstance.case_number).join(
        ProcessInstance, ProcessInstance.id == HumanTask.instance_id).where(inbox.scope_clause(user, scope))
    if overdue:
        query = query.where(HumanTask.due_at < clock.now())
    if q:
        query = query.where(ProcessInstance.case_number.ilike(f"%{q}%"))
    total = db.session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = db.session.execute(query.order_by(HumanTask.due_at.is_(None), HumanTask.due_at,
                                             HumanTask.created_at, HumanTask.id)).all()
    return [(t.id, n) for t, n in rows], total


@pytest.fixture
def loaded(app):
    ensure_sample_cases()
    # Spread the samples' due dates (some overdue, one without) and hand one task over.
    rows = db.session.execute(select(HumanTask).order_by(HumanTask.id)).scalars().all()
    now = clock.now()
    for i, task in enumerate(rows):
        task.due_at = None if i == 0 else now + timedelta(days=(-2 if i % 2 else 3))
    rows[-1].assignee = "verifier.ca_tinh"
    db.session.commit()
    return app


@pytest.mark.parametrize("username", ["intake_officer.ca_tinh", "leader.ca_tinh", "verifier.ca_tinh"])
@pytest.mark.parametrize("scope", inbox.SCOPES)
@pytest.mark.parametrize("overdue,q", [(False, None), (True, None), (False, "bv-2026"), (False, "000002"),
                                       (False, "không-có")])
def test_listing_matches_the_plain_join(loaded, username, scope, overdue, q):
    user = db.session.execute(select(User).where(User.username == username)).scalar_one()
    expected, expected_total = reference(user, scope, overdue, q)
    for per_page in (1, 2, 50):
        pages = [tasks.listing(user, scope=scope, overdue=overdue, q=q, page=p, per_page=per_page)
                 for p in range(1, 5)]
        assert all(total == expected_total for _, total in pages)
        got = [(t.id, n) for rows, _ in pages for t, n in rows]
        assert got == expected[:4 * per_page]


def test_many_matching_cases_stay_a_subquery(loaded, monkeypatch):
    monkeypatch.setattr(inbox, "MATCHED_IDS_MAX", 1)
    user = db.session.execute(select(User).where(User.username == "leader.ca_tinh")).scalar_one()
    assert tasks.listing(user, scope="agency", q="BV")[1] == reference(user, "agency", False, "BV")[1]
