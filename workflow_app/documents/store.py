"""Issuing a generated document: render it for the case, store it, link it to its file entry.

A document is issued inside the transaction of the task that decided it (the handler's), and
linked to that task's case-file entry. The bytes reach the disk before the commit; if the
transaction is rolled back instead (a stale version, a failing step), the file is removed, so
the folder never keeps a decision that the database does not.
"""
from __future__ import annotations

from pathlib import Path

from flask import current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from .. import clock, storage
from ..extensions import db
from ..models import Agency, CaseFileEntry, Measure, ProcessInstance, StoredFile, User
from .context import build
from .render import render

KIND = "document"
PDF = "application/pdf"
DEFAULT_PLACE = "......"                # config DOCUMENT_PLACE: the province's name
_PENDING = "documents.pending_paths"


def issue(template_key: str, *, instance: ProcessInstance, entry: CaseFileEntry, before: dict,
          values: dict, signer: User | None) -> StoredFile:
    """Render `template_key` for the case and store it, linked to `entry` (flushed)."""
    agencies = dict(db.session.execute(select(Agency.code, Agency.name)).all())
    measures = dict(db.session.execute(select(Measure.code, Measure.title)).all())
    created = clock.as_utc(instance.created_at)
    context = build(case_number=instance.case_number, before=before, values=values, content=entry.content,
                    signer=(signer.full_name or signer.username) if signer else "",
                    today=clock.local_now().date(),
                    received=created.astimezone(clock.LOCAL_TZ).date() if created else None,
                    place=current_app.config.get("DOCUMENT_PLACE") or DEFAULT_PLACE,
                    agencies=agencies, measures=measures)
    pdf = render(template_key, context)
    row = storage.save(pdf, filename=f"{instance.case_number}_{entry.kind}_{entry.id}.pdf",
                       content_type=PDF, kind=KIND, created_by=signer.username if signer else "system",
                       instance_id=instance.id, case_file_entry_id=entry.id)
    _remove_if_not_committed(Path(current_app.config["STORAGE_DIR"]) / row.path)
    return row


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
