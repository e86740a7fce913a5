"""Attachments of a case: documents people add to the protection file, and their download.

A file is accepted only when its extension is one of the allowed types AND its first bytes
say the same thing (a renamed executable is not a PDF); the content type stored and served
is the one of the type found, never the one the browser sent. The bytes go to the storage
folder (workflow_app/storage.py: encrypted, checksummed), the protection file gets a
"tai_lieu" entry naming the file, and both the upload and every download are audited.
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from flask import current_app
from sqlalchemy import select

from .. import audit, clock, storage
from ..auth import policy
from ..extensions import db
from ..models import CaseFileEntry, StoredFile, User
from .errors import Conflict, Forbidden, Invalid, NotFound, ServiceError
from .instances import visible
from .tx import begin_write

KIND = "attachment"
ENTRY_KIND = "tai_lieu"

PDF = b"%PDF-"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"        # Word/Excel/PowerPoint 97-2003
ZIP = b"PK\x03\x04"                               # OOXML and OpenDocument are zip files

# extension -> (content type, how to recognise the bytes)
TYPES: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "pdf"),
    "png": ("image/png", "png"),
    "jpg": ("image/jpeg", "jpeg"),
    "jpeg": ("image/jpeg", "jpeg"),
    "doc": ("application/msword", "ole"),
    "xls": ("application/vnd.ms-excel", "ole"),
    "ppt": ("application/vnd.ms-powerpoint", "ole"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ooxml:word/"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ooxml:xl/"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ooxml:ppt/"),
    "odt": ("application/vnd.oasis.opendocument.text", "odf:application/vnd.oasis.opendocument.text"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet",
            "odf:application/vnd.oasis.opendocument.spreadsheet"),
}
ALLOWED = ", ".join(sorted(TYPES))


class Unavailable(ServiceError):
    """The stored bytes are gone or changed: an operator must restore them."""

    status = 500


def _invalid(message: str) -> Invalid:
    return Invalid("Tệp không hợp lệ.", {"files": {"file": [message]}})


def clean_filename(name: str | None) -> str:
    """The file's own name without any folder, control characters or surrounding dots;
    Vietnamese letters are kept (they are the names people give their documents)."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = re.sub(r"[\x00-\x1f\x7f\"<>|:*?]", "", name).strip().strip(".").strip()
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:190] + dot + ext) if dot else name[:200]
    return name


def _matches(content: bytes, signature: str) -> bool:
    if signature == "pdf":
        return content.startswith(PDF)
    if signature == "png":
        return content.startswith(PNG)
    if signature == "jpeg":
        return content.startswith(JPEG)
    if signature == "ole":
        return content.startswith(OLE)
    if not content.startswith(ZIP):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            if signature.startswith("ooxml:"):
                folder = signature.split(":", 1)[1]
                return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
            expected = signature.split(":", 1)[1]
            return "mimetype" in names and archive.read("mimetype").decode("ascii", "replace").strip() == expected
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def checked_type(filename: str, content: bytes) -> str:
    """The content type of an acceptable file, or Invalid with a message for people."""
    if not filename:
        raise _invalid("Phải chọn một tệp.")
    ext = filename.rpartition(".")[2].lower() if "." in filename else ""
    if ext not in TYPES:
        raise _invalid(f"Loại tệp không được chấp nhận. Chỉ nhận: {ALLOWED}.")
    if not content:
        raise _invalid("Tệp rỗng.")
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit and len(content) > limit:
        raise _invalid(f"Tệp vượt quá dung lượng cho phép ({limit // (1024 * 1024)} MB).")
    content_type, signature = TYPES[ext]
    if not _matches(content, signature):
        raise _invalid(f"Nội dung tệp không đúng định dạng .{ext}.")
    return content_type


def listing(user: User, instance_id: str) -> list[StoredFile]:
    """The attachments of a case the caller may see (404 otherwise), oldest first."""
    visible(user, instance_id)
    if not policy.can_read_attachments(user, instance_id):
        raise NotFound("Không tìm thấy hồ sơ.")
    return list(db.session.execute(
        select(StoredFile).where(StoredFile.instance_id == instance_id, StoredFile.kind == KIND)
        .order_by(StoredFile.created_at, StoredFile.id)).scalars())


def upload(user: User, instance_id: str, filename: str | None, content: bytes,
           description: str | None = None) -> StoredFile:
    """Add one file to the case's protection file."""
    begin_write()
    instance = visible(user, instance_id, for_update=True)                       # 404
    if not policy.can_add_attachment(user, instance_id):
        raise Forbidden("Bạn không được thêm tài liệu vào hồ sơ này.")            # 403
    if instance.status in ("completed", "cancelled"):
        raise Conflict("Hồ sơ đã kết thúc, không thể thêm tài liệu.")              # 409
    name = clean_filename(filename)
    content_type = checked_type(name, content)                                   # 422
    note = (description or "").strip()[:500] or None
    entry = CaseFileEntry(instance_id=instance.id, kind=ENTRY_KIND, title=f"Tài liệu: {name}",
                          content={"filename": name, "size": len(content), "description": note},
                          created_by=user.username, created_at=clock.now())
    db.session.add(entry)
    db.session.flush()
    row = storage.save(content, filename=name, content_type=content_type, kind=KIND,
                       created_by=user.username, instance_id=instance.id, case_file_entry_id=entry.id)
    try:
        entry.content = {**entry.content, "file_id": row.id}
        audit.append([{"type": "attachment_uploaded", "instance_id": instance.id,
                       "data": {"file_id": row.id, "filename": name, "size": len(content),
                                "sha256": row.sha256, "content_type": content_type}}], user)
        db.session.commit()
    except Exception:
        db.session.rollback()
        storage.delete_orphan(row)
        raise
    return row


def download(user: User, instance_id: str, file_id: str) -> tuple[StoredFile, bytes]:
    """The bytes of one attachment; the download is written to the audit log."""
    begin_write()
    visible(user, instance_id)                                                   # 404
    if not policy.can_read_attachments(user, instance_id):
        raise NotFound("Không tìm thấy hồ sơ.")
    row = db.session.get(StoredFile, file_id)
    if row is None or row.instance_id != instance_id or row.kind != KIND:
        raise NotFound("Không tìm thấy tài liệu.")
    try:
        content = storage.read(row)
    except (storage.CorruptFile, FileNotFoundError):
        current_app.logger.error("stored attachment %s is missing or fails its checksum", row.id)
        raise Unavailable("Tài liệu không còn nguyên vẹn trong kho lưu trữ; hãy báo quản trị viên.") from None
    audit.append([{"type": "attachment_downloaded", "instance_id": instance_id,
                   "data": {"file_id": row.id, "filename": row.filename, "sha256": row.sha256}}], user)
    db.session.commit()
    return row, content
