"""Issuing a generated document: what it says is fixed in the deciding transaction, the PDF is
rendered after the commit.

`compose()` builds the document's context where the deciding task's handler runs — the case as
that task leaves it, masked — and `issue()` keeps it, inside the transaction of that task, in a
`pending_document` row linked to the task's case-file entry, then asks for the job
"render_document" after the commit (workflow_app/jobs). The job renders the PDF, stores it and
deletes the pending row in one transaction (`render_pending`). So the write transaction of a
completion never waits for fpdf2, and a decision is never lost: a rollback removes the pending
row with everything else, and a pending row whose job was lost (a worker killed, a broker
down) is rendered by the periodic sweep (`sweep`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from .. import clock, jobs, storage
from ..extensions import db
from ..models import CaseFileEntry, PendingDocument, ProcessInstance, StoredFile, User
from ..services import catalogue
from ..services.tx import begin_write
from .context import build
from .render import render

KIND = "document"
PDF = "application/pdf"
DEFAULT_PLACE = "......"                # config DOCUMENT_PLACE: the province's name
SWEEP_AFTER = timedelta(seconds=60)     # a pending row older than this lost its job
MAX_ATTEMPTS = 5
_PENDING = "documents.pending_paths"
_DATES = ("today", "received")
_PENDING_TABLE = PendingDocument.__table__
_INSERT_PENDING = _PENDING_TABLE.insert().returning(_PENDING_TABLE.c.id, sort_by_parameter_order=True)


@dataclass(frozen=True)
class Composed:
    """What a document will say, fixed; `issue` records it in the write transaction."""
    template: str
    context: dict                  # the template's context, JSON-native
    created_by: str


def compose(template_key: str, *, instance: ProcessInstance, content: dict, before: dict, values: dict,
            signer: User | None) -> Composed:
    """Fix what document `template_key` says for the case: the case as the deciding task leaves it
    (`values` over `before`). It runs where the task's handler runs, which for a completion is
    before the write lock is taken (services/tasks.py), so the lock is not held for it."""
    names = catalogue.names()
    created = clock.as_utc(instance.created_at)
    context = build(case_number=instance.case_number, before=before, values=values, content=content,
                    signer=(signer.full_name or signer.username) if signer else "",
                    today=clock.local_now().date(),
                    received=created.astimezone(clock.LOCAL_TZ).date() if created else None,
                    place=current_app.config.get("DOCUMENT_PLACE") or DEFAULT_PLACE,
                    agencies=names["agencies"], measures=names["measures"])
    return Composed(template_key, _to_json(context), signer.username if signer else "system")


def issue(documents: list[tuple[Composed, CaseFileEntry]], *, instance: ProcessInstance) -> list[int]:
    """Record each composed document as pending, linked to its case-file entry (written, so it
    has its id); each is rendered after the commit. The pending rows' ids."""
    now = clock.now()
    ids = db.session.connection().execute(_INSERT_PENDING, [
        {"instance_id": instance.id, "case_file_entry_id": entry.id, "template": composed.template,
         "context": composed.context, "created_at": now, "attempts": 0, "last_error": None,
         "filename": f"{instance.case_number}_{entry.kind}_{entry.id}.pdf", "created_by": composed.created_by}
        for composed, entry in documents]).scalars().all()
    for pending_id in ids:
        jobs.after_commit("render_document", pending_id=pending_id)
    return ids


def render_pending(pending_id: int) -> StoredFile | None:
    """Render one pending document, then store it and drop its pending row in one transaction.

    The PDF is rendered, encrypted and written to disk before the write transaction starts, so
    no lock is held while fpdf2 works (on SQLite the write lock is the whole database's). Returns None when there is
    nothing to do: already rendered (the job ran twice), or stored meanwhile by another worker
    (its bytes are then thrown away, never stored twice)."""
    row = db.session.get(PendingDocument, pending_id)
    if row is None:
        db.session.rollback()
        return None
    template, context = row.template, _from_json(row.context)
    db.session.rollback()                       # no transaction stays open while rendering
    try:
        pdf = render(template, context)
    except Exception as error:           # a template that fails must not loop for ever
        _failed(pending_id, error)
        raise
    written = storage.write(pdf)                # encrypted and on disk before the lock is taken
    begin_write()
    row = db.session.execute(select(PendingDocument).where(PendingDocument.id == pending_id)
                             .with_for_update(skip_locked=True).execution_options(populate_existing=True)).scalar_one_or_none()
    if row is None:
        db.session.rollback()
        storage.discard(written)
        return None
    stored = storage.record(written, filename=row.filename, content_type=PDF, kind=KIND, created_by=row.created_by,
                            instance_id=row.instance_id, case_file_entry_id=row.case_file_entry_id)
    stored.created_at = row.created_at          # the document dates from its decision
    _remove_if_not_committed(Path(current_app.config["STORAGE_DIR"]) / stored.path)
    db.session.delete(row)
    db.session.commit()
    return stored


def _failed(pending_id: int, error: Exception) -> None:
    begin_write()
    row = db.session.get(PendingDocument, pending_id)
    if row is not None:
        row.attempts += 1
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
    db.session.commit()


def sweep(older_than: timedelta = SWEEP_AFTER, limit: int = 50) -> int:
    """Render the pending documents whose job was lost; returns how many were rendered."""
    ids = list(db.session.execute(
        select(PendingDocument.id).where(PendingDocument.created_at <= clock.now() - older_than,
                                         PendingDocument.attempts < MAX_ATTEMPTS)
        .order_by(PendingDocument.id).limit(limit)).scalars())
    db.session.commit()
    done = 0
    for pending_id in ids:
        try:
            done += render_pending(pending_id) is not None
        except Exception:
            current_app.logger.exception("pending document %s could not be rendered", pending_id)
    return done


# -- the context as stored: dates as ISO strings, read back for the fields that are dates ----------
def _to_json(context: dict) -> dict:
    return json.loads(json.dumps(context, default=_encode, ensure_ascii=False))


def _encode(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple, range)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _from_json(context: dict) -> dict:
    context = dict(context)
    for key in _DATES:
        if isinstance(context.get(key), str):
            context[key] = date.fromisoformat(context[key][:10])
    return context


# -- files written in a transaction that does not commit are removed -------------------------------
def _remove_if_not_committed(path: Path) -> None:
    db.session().info.setdefault(_PENDING, []).append(path)


@event.listens_for(Session, "after_commit")
def _committed(session):
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_transaction_end")
def _ended(session, transaction):
    if transaction.parent is not None:
        return                            # a savepoint: the outer transaction decides
    for path in session.info.pop(_PENDING, []):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
