"""Documents waiting to be rendered.

A decision's PDF is not rendered inside the transaction that decides it (that would hold the
write lock for the 20–40 ms fpdf2 needs): the transaction stores what the document will say —
the template and its context, already masked — in a `pending_document` row, and a background
job renders it after the commit (workflow_app/documents/jobs.py). The row is deleted in the
transaction that stores the PDF, so a document is either pending or issued, never both, and a
job that runs twice finds nothing left to do.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import JSONDoc, UTCDateTime


class PendingDocument(db.Model):
    __tablename__ = "pending_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    case_file_entry_id: Mapped[int] = mapped_column(ForeignKey("case_file_entry.id"), index=True)
    template: Mapped[str] = mapped_column(String(60))
    context: Mapped[dict] = mapped_column(JSONDoc)         # masked: no confidential value in clear
    filename: Mapped[str] = mapped_column(String(255))
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
