"""The append-only, hash-chained audit log."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import JSONDoc, UTCDateTime


class AuditEvent(db.Model):
    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(db.Integer, "sqlite"),
                                     primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor_username: Mapped[str | None] = mapped_column(String(80), index=True)
    actor_agency: Mapped[str | None] = mapped_column(String(32))
    type: Mapped[str] = mapped_column(String(40), index=True)
    instance_id: Mapped[str | None] = mapped_column(String(36), index=True)
    element_id: Mapped[str | None] = mapped_column(String(100))
    element_name: Mapped[str | None] = mapped_column(String(300))
    task_id: Mapped[str | None] = mapped_column(String(36), index=True)
    data: Mapped[dict] = mapped_column(JSONDoc, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(db.Model):
    """The single row holding the chain's last seq and hash; locked while appending."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(db.Integer, "sqlite"), default=0)
    hash: Mapped[str] = mapped_column(String(64))
