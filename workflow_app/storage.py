"""File storage for attachments and generated documents.

Files live in a folder (`STORAGE_DIR`, a shared volume when several servers run), named by
a random id, never in a database blob, and encrypted at rest with the vault's key (Fernet):
a copied storage folder reveals nothing. The `stored_file` row holds name, type, size and the
SHA-256 of the clear bytes that every read checks, so a file changed on disk is detected,
not served. Key rotation re-encrypts files and vault entries alike (`flask vault rotate`).
"""
from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from . import clock, vault
from .extensions import db
from .models import StoredFile


class CorruptFile(Exception):
    """The bytes on disk no longer match the checksum recorded when they were stored."""


def _root() -> Path:
    root = Path(current_app.config["STORAGE_DIR"])
    root.mkdir(parents=True, exist_ok=True)
    return root


@dataclass(frozen=True)
class Written:
    """A file on disk that no row names yet (`write`), to be recorded by `record`."""
    id: str
    path: str                                # relative to STORAGE_DIR
    size: int
    sha256: str


def write(content: bytes) -> Written:
    """Encrypt and write `content` under a new random name; no database work, so that it can be
    done before a write transaction starts (the caller records it, or `discard`s it)."""
    file_id = uuid.uuid4().hex
    relative = f"{file_id[:2]}/{file_id}"
    path = _root() / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.write_bytes(vault.encrypt_bytes(content))
    os.replace(tmp, path)                    # never a half-written file under its final name
    return Written(file_id, relative, len(content), hashlib.sha256(content).hexdigest())


def record(written: Written, *, filename: str, content_type: str, kind: str, created_by: str,
           instance_id: str | None = None, case_file_entry_id: int | None = None) -> StoredFile:
    """Add the row of a written file to the session (the caller commits)."""
    row = StoredFile(id=written.id, instance_id=instance_id, case_file_entry_id=case_file_entry_id, kind=kind,
                     filename=filename, content_type=content_type, size=written.size, sha256=written.sha256,
                     path=written.path, created_by=created_by, created_at=clock.now())
    db.session.add(row)
    return row


def discard(written: Written) -> None:
    """Remove a written file that will not be recorded (best effort)."""
    try:
        (_root() / written.path).unlink()
    except FileNotFoundError:
        pass


def save(content: bytes, *, filename: str, content_type: str, kind: str, created_by: str,
         instance_id: str | None = None, case_file_entry_id: int | None = None) -> StoredFile:
    """Write `content` and add its row to the session (the caller commits)."""
    return record(write(content), filename=filename, content_type=content_type, kind=kind,
                  created_by=created_by, instance_id=instance_id, case_file_entry_id=case_file_entry_id)


def read(row: StoredFile) -> bytes:
    try:
        content = vault.decrypt_bytes((_root() / row.path).read_bytes())
    except vault.InvalidToken:
        raise CorruptFile(row.id) from None
    if hashlib.sha256(content).hexdigest() != row.sha256:
        raise CorruptFile(row.id)
    return content


def rotate(row: StoredFile) -> None:
    """Re-encrypt one file under the newest key (atomically replaced)."""
    path = _root() / row.path
    tmp = path.with_suffix(".part")
    tmp.write_bytes(vault.rotate_token(path.read_bytes()))
    os.replace(tmp, path)


def delete_orphan(row: StoredFile) -> None:
    """Remove the bytes of a row whose transaction failed (best effort)."""
    try:
        (_root() / row.path).unlink()
    except FileNotFoundError:
        pass
