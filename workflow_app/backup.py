"""Backing up the embedded mode's SQLite database while the application runs.

SQLite's online backup API (`sqlite3.Connection.backup`) copies a consistent snapshot page by
page, whatever the other connections are doing (in WAL mode readers and writers go on); a
plain file copy of a database being written can be torn. The copy is written beside the
target and renamed into place only once it is complete and passes `PRAGMA quick_check`.
PostgreSQL has its own tools (pg_dump), so the command refuses there.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine


class BackupRefused(Exception):
    """The backup cannot be made; the message says why, for the operator."""


def sqlite_backup(engine: Engine, target: str | os.PathLike) -> int:
    """Copy the SQLite database of `engine` to `target` (a new file); returns its page count."""
    if engine.dialect.name != "sqlite":
        raise BackupRefused(f"Cơ sở dữ liệu là {engine.dialect.name}, không phải SQLite: hãy sao lưu bằng "
                            "pg_dump -Fc (xem README, mục “Running at scale”).")
    source = engine.url.database
    if not source or source == ":memory:" or not Path(source).exists():
        raise BackupRefused("Không tìm thấy tệp cơ sở dữ liệu SQLite để sao lưu.")
    target = Path(target)
    if target.exists():
        raise BackupRefused(f"Tệp {target} đã tồn tại; hãy chọn tên khác.")
    if target.resolve() == Path(source).resolve():
        raise BackupRefused("Tệp sao lưu không được trùng với tệp cơ sở dữ liệu.")
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
        pages = dst.execute("PRAGMA page_count").fetchone()[0]
        check = dst.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupRefused(f"Bản sao lưu không toàn vẹn ({check}); chưa ghi {target}.")
    os.replace(partial, target)
    return pages
