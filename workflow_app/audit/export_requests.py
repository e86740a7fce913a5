"""Asking for an export, following it, fetching its file: the auditor's side.

`create()` takes the chain head, writes an `audit_export` row (what, format, filters, that
head) and queues the job "render_audit_export" with the transaction (workflow_app/jobs), then
records the request as an `export_made` event. The file is rendered after the commit
(export_render.py). Only the auditor who asked sees the row and its file: anyone else gets
NotFound, as if it did not exist.
"""
from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime

from flask import current_app
from sqlalchemy import select

from .. import clock, jobs, storage
from ..extensions import db
from ..models import AuditExport, StoredFile, User
from ..services.tx import begin_write
from . import access, export, head as chain_head, search

FORMATS = {"csv": "text/csv; charset=utf-8", "pdf": "application/pdf"}
RECENT = 50                        # the list shows this many, newest first
JOB = "render_audit_export"


class NotFound(Exception):
    """No export with that id for this auditor."""


class Unavailable(Exception):
    """The stored file is missing or fails its checksum."""


# -- filters as stored in the row ---------------------------------------------------------------
def filters_to_json(filters: search.Filters) -> dict:
    """The query, without its head limit, as JSON (only what differs from the defaults)."""
    default = search.Filters()
    out = {}
    for item in dataclasses.fields(filters):
        value = getattr(filters, item.name)
        if item.name == "up_to_seq" or value == getattr(default, item.name):
            continue
        out[item.name] = value.isoformat() if isinstance(value, datetime) else value
    return out


def filters_from_json(data: dict) -> search.Filters:
    values = dict(data or {})
    for key in ("since", "until"):
        if values.get(key):
            values[key] = datetime.fromisoformat(values[key])
    known = {item.name for item in dataclasses.fields(search.Filters)} - {"up_to_seq"}
    return search.Filters(**{k: v for k, v in values.items() if k in known})


# -- asking ---------------------------------------------------------------------------------------
def create(user: User, *, what: str, fmt: str, filters: search.Filters, title: str, filename: str,
           shown: dict | None = None, **details) -> AuditExport:
    """Record the request and queue its job; the file will hold the events up to the head as
    it is now. `shown` is how the file names its filters when the raw ones (a case id) would
    not mean much to a reader; `details` go into the `export_made` event."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    head = chain_head.current()
    cap = export.MAX_CSV_ROWS if fmt == "csv" else export.MAX_PDF_ROWS
    events = min(search.count(dataclasses.replace(filters, up_to_seq=head.seq)), cap)
    begin_write()
    row = AuditExport(id=uuid.uuid4().hex, what=what, format=fmt, filters=filters_to_json(filters),
                      shown=shown or filters.described(), title=title, filename=f"{_ascii(filename)}.{fmt}",
                      head_seq=head.seq, head_hash=head.hash, requested_by=user.username,
                      requested_agency=user.agency_code, requested_at=clock.now(), status="pending", attempts=0)
    db.session.add(row)
    db.session.flush()
    jobs.after_commit(JOB, export_id=row.id)
    db.session.commit()
    # After the row's commit: if the log refuses the event (a broken chain), the export stands.
    # A write transaction of its own, since the job may already be writing the row (on SQLite
    # a read transaction could not turn into a write one after that).
    begin_write()
    access.exported(user, what, fmt=fmt, via="web", events=events, head=head, filters=filters.described(),
                    export=row.id, **details)
    return row


# -- following --------------------------------------------------------------------------------------
def own(user: User, export_id: str) -> AuditExport:
    row = db.session.get(AuditExport, export_id) if export_id else None
    if row is None or row.requested_by != user.username:
        raise NotFound(export_id)
    return row


def recent(user: User, limit: int = RECENT) -> list[AuditExport]:
    return list(db.session.execute(
        select(AuditExport).where(AuditExport.requested_by == user.username)
        .order_by(AuditExport.requested_at.desc(), AuditExport.id).limit(limit)).scalars())


def size_of(row: AuditExport) -> int | None:
    if row.stored_file_id is None:
        return None
    stored = db.session.get(StoredFile, row.stored_file_id)
    return stored.size if stored else None


def download(user: User, export_id: str) -> tuple[AuditExport, bytes]:
    """The file of one finished export; the download is recorded with the file's SHA-256."""
    row = own(user, export_id)
    stored = db.session.get(StoredFile, row.stored_file_id) if row.status == "done" else None
    if stored is None:
        raise NotFound(export_id)
    try:
        content = storage.read(stored)
    except (storage.CorruptFile, FileNotFoundError):
        current_app.logger.error("audit export %s: stored file %s is missing or fails its checksum",
                                 row.id, stored.id)
        raise Unavailable(row.id) from None
    begin_write()
    access.downloaded(user, row, via="web")
    return row, content


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in name)
