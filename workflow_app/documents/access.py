"""Reading the generated documents of a case: the list, and a download that is audited.

Who may see a case may read its documents (`services.instances.visible`: 404 otherwise).
Documents never hold confidential values in clear (context.py), so no clearance is asked;
every download is still written to the audit log, as the file may leave the system.
"""
from __future__ import annotations

from flask import current_app
from sqlalchemy import select

from .. import audit, storage
from ..extensions import db
from ..models import CaseFileEntry, PendingDocument, StoredFile, User
from ..services.errors import NotFound, ServiceError
from ..services.instances import visible
from ..services.tx import begin_write
from .store import KIND


class Unavailable(ServiceError):
    """The stored bytes are gone or changed: an operator must restore them."""

    status = 500


def case_documents(user: User, instance_id: str) -> list[dict]:
    """The generated documents of a case the caller may see (404 otherwise), oldest first:
    the issued ones, then those decided but still being rendered (status "pending", no file
    yet: ask again in a moment)."""
    visible(user, instance_id)
    rows = db.session.execute(
        select(StoredFile, CaseFileEntry.title)
        .outerjoin(CaseFileEntry, CaseFileEntry.id == StoredFile.case_file_entry_id)
        .where(StoredFile.instance_id == instance_id, StoredFile.kind == KIND)
        .order_by(StoredFile.created_at, StoredFile.case_file_entry_id)).all()
    pending = db.session.execute(
        select(PendingDocument, CaseFileEntry.title)
        .join(CaseFileEntry, CaseFileEntry.id == PendingDocument.case_file_entry_id)
        .where(PendingDocument.instance_id == instance_id).order_by(PendingDocument.id)).all()
    return [_listed(row, title) for row, title in rows] + [
        {"id": None, "status": "pending", "title": title, "filename": row.filename, "size": None, "sha256": None,
         "created_at": row.created_at, "case_file_entry_id": row.case_file_entry_id} for row, title in pending]


def download(user: User, instance_id: str, file_id: str) -> tuple[StoredFile, bytes]:
    """The bytes of one document; the download is written to the audit log."""
    begin_write()
    visible(user, instance_id)                                                   # 404
    row = db.session.get(StoredFile, file_id)
    if row is None or row.instance_id != instance_id or row.kind != KIND:
        raise NotFound("Không tìm thấy văn bản.")
    try:
        content = storage.read(row)
    except (storage.CorruptFile, FileNotFoundError):
        current_app.logger.error("stored document %s is missing or fails its checksum", row.id)
        raise Unavailable("Văn bản không còn nguyên vẹn trong kho lưu trữ; hãy báo quản trị viên.") from None
    audit.append([{"type": "document_downloaded", "instance_id": instance_id,
                   "data": {"file_id": row.id, "filename": row.filename, "sha256": row.sha256,
                            "case_file_entry_id": row.case_file_entry_id}}], user)
    db.session.commit()
    return row, content


def _listed(row: StoredFile, title: str | None) -> dict:
    return {"id": row.id, "status": "issued", "title": title or row.filename, "filename": row.filename, "size": row.size,
            "sha256": row.sha256, "created_at": row.created_at, "case_file_entry_id": row.case_file_entry_id}
