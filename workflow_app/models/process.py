"""Deployed process models and their immutable versions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import JSONDoc, UTCDateTime


class ProcessModel(db.Model):
    __tablename__ = "process_model"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)   # the BPMN process id
    name: Mapped[str] = mapped_column(String(300))
    latest_version: Mapped[int] = mapped_column(default=0)
    deployed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ProcessModelVersion(db.Model):
    """One deployed diagram, never changed after insert.

    `task_bindings` is what deploy read from the XML, so that runtime never re-reads it:
    `{element_id: {"role", "form_key", "handler", "agency_var", "name"}}` for user tasks and
    the start event, plus `settings` (process properties) and `called` (call-activity targets).
    """

    __tablename__ = "process_model_version"
    __table_args__ = (UniqueConstraint("process_model_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_model_id: Mapped[str] = mapped_column(ForeignKey("process_model.id"), index=True)
    version: Mapped[int]
    bpmn_xml: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    bindings: Mapped[dict] = mapped_column(JSONDoc)
    comment: Mapped[str] = mapped_column(Text, default="")
    deployed_by: Mapped[str] = mapped_column(String(80))
    deployed_at: Mapped[datetime] = mapped_column(UTCDateTime)
