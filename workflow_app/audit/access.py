"""The auditors' own trail: every view of the log and every export is itself an event.

An audit view names what was looked at and with which filters, an export also its format,
how many events it holds and the chain head it is stamped with; the download of the file
(an `audit_viewed` "export_download") names the same export and the SHA-256 of the bytes, so
a file shown later can be matched to the events that made and handed it out. The case an
auditor looked at is named in the data, not as the event's case: the history officials read
stays the case's own, and an inspection is not announced to the people inspected.
"""
from __future__ import annotations

from flask import current_app
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from .chain import append


def viewed(user, what: str, *, via: str, **details) -> None:
    _record({"type": "audit_viewed", "data": {"what": what, "via": via, **_clean(details)}}, user)


def exported(user, what: str, *, fmt: str, via: str, events: int, head, sha256: str | None = None,
             **details) -> None:
    """An export asked for. The pages make the file in the background (audit/export_render.py):
    their `export_made` names the request (`export`), and the file's SHA-256 is recorded when
    it is downloaded (`downloaded`)."""
    _record({"type": "export_made", "data": {
        "what": what, "format": fmt, "via": via, "events": events,
        "head": {"seq": head.seq, "hash": head.hash}, **_clean({"sha256": sha256, **details})}}, user)


def downloaded(user, export, *, via: str) -> None:
    """A background export's file handed to the auditor who asked for it: an `audit_viewed`
    "export_download" naming the request, its head and the SHA-256 of the bytes sent."""
    viewed(user, "export_download", via=via, export=export.id, of=export.what, format=export.format,
           events=export.row_count, head={"seq": export.head_seq, "hash": export.head_hash}, sha256=export.sha256)


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
