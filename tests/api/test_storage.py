"""File storage: bytes on disk, checksum in the database, tampering detected."""
from __future__ import annotations

from pathlib import Path

import pytest

from workflow_app import storage
from workflow_app.extensions import db


def test_saved_bytes_read_back_and_a_changed_file_is_refused(app, tmp_path):
    app.config["STORAGE_DIR"] = str(tmp_path)
    row = storage.save(b"%PDF-1.4 noi dung", filename="quyet-dinh.pdf", content_type="application/pdf",
                       kind="document", created_by="leader.ca_tinh")
    db.session.commit()
    assert storage.read(row) == b"%PDF-1.4 noi dung"
    assert row.size == 17 and len(row.sha256) == 64
    on_disk = Path(tmp_path) / row.path
    assert on_disk.exists() and not list(Path(tmp_path).rglob("*.part"))
    on_disk.write_bytes(b"%PDF-1.4 sua doi")
    with pytest.raises(storage.CorruptFile):
        storage.read(row)
