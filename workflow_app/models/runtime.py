"""Running cases: process instances, the inbox index, parties, counters.

The serialised engine state is the truth about where a case stands; `human_task` and
`instance_party` are indexes of it rewritten in the same transaction whenever an
instance advances, so inboxes and visibility checks never load a workflow.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import JSONDoc, UTCDateTime

STATUSES = ("running", "waiting", "completed", "cancelled", "error")


class ProcessInstance(db.Model):
    __tablename__ = "process_instance"
    # A task's case number, and the search in case numbers, without reading the wide rows;
    # on PostgreSQL, "case number contains" (ILIKE '%...%') from a trigram index.
    __table_args__ = (Index("ix_process_instance_id_case_number", "id", "case_number"),
                      Index("ix_process_instance_case_number_trgm", "case_number", postgresql_using="gin",
                            postgresql_ops={"case_number": "gin_trgm_ops"}).ddl_if(dialect="postgresql"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)   # uuid4 hex
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    process_model_id: Mapped[str] = mapped_column(ForeignKey("process_model.id"), index=True)
    model_version_id: Mapped[int] = mapped_column(ForeignKey("process_model_version.id"))
    # {process id: version row id} of every called process, fixed when the case starts.
    called_versions: Mapped[dict] = mapped_column(JSONDoc, default=dict)
    status: Mapped[str] = mapped_column(String(16), index=True)
    state: Mapped[str] = mapped_column(Text)              # engine state (JSON) without the spec
    data: Mapped[dict] = mapped_column(JSONDoc)           # the case data (references only)
    error: Mapped[str | None] = mapped_column(Text)
    started_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_wakeup_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class InstanceParty(db.Model):
    """An agency taking part in a case; its users may see the case."""

    __tablename__ = "instance_party"

    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class HumanTask(db.Model):
    """One row per READY user task: the inbox's index of the engine state."""

    __tablename__ = "human_task"
    # One index per inbox scope with every column it filters and sorts on (services/inbox.py).
    __table_args__ = (Index("ix_human_task_group", "agency_code", "role", "due_at", "created_at", "id", "assignee"),
                      Index("ix_human_task_agency_due", "agency_code", "due_at", "created_at", "id"),
                      Index("ix_human_task_assignee_due", "assignee", "due_at", "created_at", "id"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)     # SpiffWorkflow task id
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    process_id: Mapped[str] = mapped_column(String(100))             # the (called) process
    element_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(40))
    agency_code: Mapped[str] = mapped_column(String(32))
    form_key: Mapped[str] = mapped_column(String(100))
    assignee: Mapped[str | None] = mapped_column(String(80), index=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaseCounter(db.Model):
    """The last case number taken per prefix and year; its row is locked while taken."""

    __tablename__ = "case_counter"

    prefix: Mapped[str] = mapped_column(String(10), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


class CaseFileEntry(db.Model):
    """An entry of the case file (hồ sơ bảo vệ): minutes, decisions, reports, notices."""

    __tablename__ = "case_file_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    content: Mapped[dict] = mapped_column(JSONDoc, default=dict)
    task_id: Mapped[str | None] = mapped_column(String(36))
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Notification(db.Model):
    """Outbox of messages to people (pages and mail read it); not a user task."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_unread", "recipient_username", "read_at"),
                      Index("ix_notification_group_unread", "recipient_agency", "recipient_role",
                            "recipient_username", "read_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[str | None] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    recipient_username: Mapped[str | None] = mapped_column(String(80), index=True)
    recipient_agency: Mapped[str | None] = mapped_column(String(32))
    recipient_role: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class InstanceLink(db.Model):
    """Two cases joined by a message: a threat report that started a protection request."""

    __tablename__ = "instance_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    target_instance_id: Mapped[str] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StoredFile(db.Model):
    """A file kept in the storage folder: an attachment or a generated document."""

    __tablename__ = "stored_file"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instance_id: Mapped[str | None] = mapped_column(
        ForeignKey("process_instance.id", ondelete="CASCADE"), index=True)
    case_file_entry_id: Mapped[int | None] = mapped_column(ForeignKey("case_file_entry.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))            # attachment | document
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
