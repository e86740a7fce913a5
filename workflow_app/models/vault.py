"""Confidential values, encrypted; engine data and audit rows hold only their ids."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime


class VaultEntry(db.Model):
    __tablename__ = "vault_entry"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instance_id: Mapped[str | None] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(200))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
