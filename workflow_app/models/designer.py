"""Process designers' work in progress: drafts of diagrams, saved from the modeler page."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime


class ProcessModelDraft(db.Model):
    """A diagram being edited: free to change, never run. Deploying it makes a version
    (process_model_version) and removes the draft. `process_model_id` is the deployed process
    it changes, None for a process not deployed yet (its id is in the XML)."""

    __tablename__ = "process_model_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_model_id: Mapped[str | None] = mapped_column(ForeignKey("process_model.id"), index=True)
    xml: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    comment: Mapped[str] = mapped_column(Text, default="")
