"""Temporary lockout after repeated failed logins, for the pages and the API alike.

LOGIN_MAX_FAILURES failed logins of a username within LOGIN_LOCK_MINUTES lock it until the
oldest of them leaves the window (a web login or an API token issued restarts it). The count comes from the audit log's `login_failed`
events, so every server agrees and no table is needed; a successful login restarts it.
"""
from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from .. import clock
from ..extensions import db
from ..models import AuditEvent


def locked_until(username: str):
    """When the lock on `username` ends, or None if it is not locked."""
    limit = current_app.config.get("LOGIN_MAX_FAILURES", 5)
    window = timedelta(minutes=current_app.config.get("LOGIN_LOCK_MINUTES", 15))
    since = clock.now() - window
    last_success = db.session.execute(select(func.max(AuditEvent.at)).where(
        AuditEvent.type.in_(("login_succeeded", "token_issued")),      # web or API login
        AuditEvent.actor_username == username)).scalar_one_or_none()
    if last_success is not None and clock.as_utc(last_success) > since:
        since = clock.as_utc(last_success)
    failures = db.session.execute(select(AuditEvent.at, AuditEvent.data).where(
        AuditEvent.type == "login_failed", AuditEvent.at > since).order_by(AuditEvent.at.desc())).all()
    times = [clock.as_utc(at) for at, data in failures if (data or {}).get("username") == username]
    if len(times) < limit:
        return None
    return times[limit - 1] + window
