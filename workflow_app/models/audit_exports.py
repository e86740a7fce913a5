"""Auditors' exports, made in the background.

An auditor's request (a search, or one case's history, as CSV or PDF) is a row: what to
export, with which filters, and the chain head taken at the moment of the request — the file
holds the events up to that seq and no further. A background job renders the file after the
commit (workflow_app/audit/export_render.py), stores it like any generated file (encrypted,
`stored_file`) and marks the row done in one short transaction. The row is the truth: a job
that is lost is found again by the periodic sweep, a job delivered twice finds the row done.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import JSONDoc, UTCDateTime

STATUSES = ("pending", "done", "failed")


class AuditExport(db.Model):
    __tablename__ = "audit_export"
    __table_args__ = (
        Index("ix_audit_export_requester", "requested_by", "requested_at"),   # "my exports", newest first
        Index("ix_audit_export_status", "status", "requested_at"),            # the sweep
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)          # uuid4 hex
    what: Mapped[str] = mapped_column(String(20))                           # search | case_history
    format: Mapped[str] = mapped_column(String(10))                         # csv | pdf
    filters: Mapped[dict] = mapped_column(JSONDoc)                          # the query (audit.search.Filters)
    shown: Mapped[dict] = mapped_column(JSONDoc)                            # the filters as the file names them
    title: Mapped[str] = mapped_column(String(255))
    filename: Mapped[str] = mapped_column(String(255))                      # ASCII, with its extension
    head_seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    head_hash: Mapped[str] = mapped_column(String(64))
    requested_by: Mapped[str] = mapped_column(String(80))
    requested_agency: Mapped[str] = mapped_column(String(40))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)                       # counted when a worker claims it
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)    # a worker is rendering it
    error: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    row_count: Mapped[int | None] = mapped_column()
    sha256: Mapped[str | None] = mapped_column(String(64))
    stored_file_id: Mapped[str | None] = mapped_column(ForeignKey("stored_file.id"))
