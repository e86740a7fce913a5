"""The unread badge counts what `notifications.mine` selects, read or not, by name or by group."""
from __future__ import annotations

from sqlalchemy import func, select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import Notification, User
from workflow_app.services import notifications


def user(name: str) -> User:
    return db.session.execute(select(User).where(User.username == name)).scalar_one()


def test_unread_count_equals_the_or_of_both_parts(app):
    now = clock.now()
    rows = [("leader.ca_tinh", None, None, None), ("leader.ca_tinh", None, None, now),
            (None, "CA_TINH", "leader", None), (None, "CA_TINH", "leader", None),
            (None, "CA_TINH", "leader", now), (None, "CA_TINH", "verifier", None),
            (None, "VKS_TINH", "leader", None), ("leader.ca_tinh", "CA_TINH", "leader", None),
            ("verifier.ca_tinh", "CA_TINH", "leader", None)]
    for username, agency, role, read_at in rows:
        db.session.add(Notification(recipient_username=username, recipient_agency=agency, recipient_role=role,
                                    message="Thông báo", created_at=now, read_at=read_at))
    db.session.commit()
    for name in ("leader.ca_tinh", "verifier.ca_tinh", "leader.vks_tinh", "monitor.bnc_tu"):
        who = user(name)
        expected = db.session.execute(select(func.count()).select_from(Notification).where(
            notifications.mine(who), Notification.read_at.is_(None))).scalar_one()
        assert notifications.unread_count(who) == expected
    assert notifications.unread_count(user("leader.ca_tinh")) == 4
