"""The auditors' own trail: every view of the log and every export is itself an event.

An audit view names what was looked at and with which filters, an export also its format,
how many events it holds, the chain head it is stamped with and the SHA-256 of the file, so
a file shown later can be matched to the event that made it. The case an auditor looked at
is named in the data, not as the event's case: the history officials read stays the case's
own, and an inspection is not announced to the people inspected.
"""
from __future__ import annotations

from flask import current_app
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from .chain import append


def viewed(user, what: str, *, via: str, **details) -> None:
    _record({"type": "audit_viewed", "data": {"what": what, "via": via, **_clean(details)}}, user)


def exported(user, what: str, *, fmt: str, via: str, events: int, head, sha256: str, **details) -> None:
    _record({"type": "export_made", "data": {
        "what": what, "format": fmt, "via": via, "events": events,
        "head": {"seq": head.seq, "hash": head.hash}, "sha256": sha256, **_clean(details)}}, user)


def _record(event: dict, user) -> None:
    try:
        append([event], user)
        db.session.commit()
    except IntegrityError:
        # A row already sits where the head says the next one goes: someone wrote to the table
        # behind the application. Every other write now fails (closed); the auditor still gets
        # to look, since looking is how the break is found — `verify` names it.
        db.session.rollback()
        current_app.logger.error("audit log: cannot append %s by %s: a row exists past the chain head "
                                 "(the table was written outside the application); run flask audit verify",
                                 event["type"], getattr(user, "username", None))


def _clean(details: dict) -> dict:
    return {k: v for k, v in details.items() if v not in (None, "", {}, [])}
