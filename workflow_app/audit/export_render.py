"""Rendering a requested export: the job's side (export_requests.py is the auditor's).

Three short steps, so that no write transaction is open while the file is built (on SQLite the
write lock is the whole database's, and a 100,000-row CSV or a 5,000-row PDF takes seconds):

1. claim   lock the row (SELECT ... FOR UPDATE SKIP LOCKED; SQLite's write lock), check it is
           still pending and not held by another worker, count the attempt and hold it for
           LEASE; commit. A second delivery of the job, or a second worker, finds it held or
           done and does nothing — two workers never render the same export.
2. render  read the events up to the head stamped at the request and build the file, in a read
           transaction only.
3. store   lock the row again; if it is still ours (pending, same attempt), store the file
           (encrypted, `stored_file`) and mark the row done in one transaction.

A failure is kept on the row with its error; the sweep retries it, and after MAX_ATTEMPTS the
row is failed. A worker killed mid-render leaves its claim to expire: the attempt was counted
at the claim, so an export that kills its worker cannot be retried for ever either.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select

from .. import clock, storage
from ..extensions import db
from ..models import AuditEvent, AuditExport
from ..services.tx import begin_write
from . import export, search
from .export_requests import FORMATS, filters_from_json
from .head import Head

KIND = "audit_export"
MAX_ATTEMPTS = 3
SWEEP_AFTER = timedelta(seconds=60)     # a pending row older than this lost its job
LEASE = timedelta(minutes=10)           # a claim older than this belonged to a worker that died
ABANDONED = "Đã thử {n} lần mà không tạo được tệp (tiến trình tạo tệp bị dừng giữa chừng)."


@dataclass(frozen=True)
class Claim:
    export_id: str
    attempt: int
    fmt: str
    filters: search.Filters
    report: export.Report                 # without its rows yet


def render_export(export_id: str) -> bool:
    """Claim, render, store one export; False when there was nothing to do (done, failed,
    held by another worker, or taken over meanwhile)."""
    claim = _claim(export_id)
    if claim is None:
        return False
    try:
        content, count = build(claim)
        return _store(claim, content, count)
    except Exception as error:            # kept on the row; a bad export must not loop for ever
        db.session.rollback()
        _failed(claim, error)
        raise


def build(claim: Claim) -> tuple[bytes, int]:
    """The file's bytes and how many events it holds (a read transaction, ended on return)."""
    cap = export.MAX_CSV_ROWS if claim.fmt == "csv" else export.MAX_PDF_ROWS
    upto = dataclasses.replace(claim.filters, up_to_seq=claim.report.head.seq)
    rows = search.events(upto, limit=cap)
    report = dataclasses.replace(claim.report, rows=rows, total=search.count(upto))
    content = export.to_csv(report) if claim.fmt == "csv" else export.to_pdf(report)
    db.session.rollback()
    return content, len(rows)


def _locked(export_id: str) -> AuditExport | None:
    return db.session.execute(select(AuditExport).where(AuditExport.id == export_id)
                              .with_for_update(skip_locked=True)
                              .execution_options(populate_existing=True)).scalar_one_or_none()


def _claim(export_id: str) -> Claim | None:
    begin_write()
    row, now = _locked(export_id), clock.now()
    if row is None or row.status != "pending" or (row.claimed_until is not None and row.claimed_until > now):
        db.session.rollback()
        return None
    if row.attempts >= MAX_ATTEMPTS:          # the last attempt's worker died: give up
        row.status, row.finished_at, row.claimed_until = "failed", now, None
        row.error = row.error or ABANDONED.format(n=row.attempts)
        db.session.commit()
        return None
    row.attempts += 1
    row.claimed_until = now + LEASE
    head = Head(row.head_seq, row.head_hash, _event_time(row.head_seq))
    report = export.Report(title=row.title, exported_by=f"{row.requested_by} ({row.requested_agency})",
                           head=head, rows=[], total=0, filters=dict(row.shown or {}),
                           exported_at=row.requested_at)
    claim = Claim(row.id, row.attempts, row.format, filters_from_json(row.filters), report)
    db.session.commit()
    return claim


def _store(claim: Claim, content: bytes, count: int) -> bool:
    written = storage.write(content)          # encrypted and on disk before the write lock
    begin_write()
    row = _locked(claim.export_id)
    if row is None or row.status != "pending" or row.attempts != claim.attempt:
        db.session.rollback()                 # taken over after our claim expired: theirs counts
        storage.discard(written)
        return False
    stored = storage.record(written, filename=row.filename, content_type=FORMATS[row.format], kind=KIND,
                            created_by=row.requested_by)
    try:
        db.session.flush()                    # the stored_file row before the reference to it
        row.status, row.finished_at, row.claimed_until, row.error = "done", clock.now(), None, None
        row.row_count, row.sha256, row.stored_file_id = count, stored.sha256, stored.id
        db.session.commit()
    except Exception:
        db.session.rollback()
        storage.delete_orphan(stored)
        raise
    return True


def _failed(claim: Claim, error: Exception) -> None:
    begin_write()
    row = db.session.execute(select(AuditExport).where(AuditExport.id == claim.export_id).with_for_update()
                             .execution_options(populate_existing=True)).scalar_one_or_none()
    if row is not None and row.status == "pending" and row.attempts == claim.attempt:
        row.error = f"{type(error).__name__}: {error}"[:2000]
        row.claimed_until = None
        if row.attempts >= MAX_ATTEMPTS:
            row.status, row.finished_at = "failed", clock.now()
    db.session.commit()


def sweep(older_than: timedelta = SWEEP_AFTER, limit: int = 20) -> int:
    """Render the exports whose job was lost, failed once, or whose worker died; returns how
    many were rendered."""
    now = clock.now()
    ids = list(db.session.execute(
        select(AuditExport.id).where(AuditExport.status == "pending", AuditExport.requested_at <= now - older_than,
                                     or_(AuditExport.claimed_until.is_(None), AuditExport.claimed_until <= now))
        .order_by(AuditExport.requested_at).limit(limit)).scalars())
    db.session.commit()
    done = 0
    for export_id in ids:
        try:
            done += render_export(export_id)
        except Exception:                     # noqa: BLE001 - kept on the row; the next sweep retries
            current_app.logger.exception("audit export %s could not be rendered", export_id)
    return done


def _event_time(seq: int) -> datetime | None:
    return db.session.execute(select(AuditEvent.at).where(AuditEvent.seq == seq)).scalar_one_or_none()
