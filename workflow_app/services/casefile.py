"""What a task handler may do: read the case, enrich the values, add to the case file,
notify people. Handlers get this context and nothing else of the application."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .. import clock
from ..documents.store import compose, issue
from ..extensions import db
from ..models import CaseFileEntry, Notification, ProcessInstance, User


@dataclass
class HandlerContext:
    user: User | None
    instance: ProcessInstance
    element_id: str
    task_name: str
    values: dict
    task_id: str | None = None
    entries: list = field(default_factory=list)
    documents: list = field(default_factory=list)      # (Composed, entry) to issue

    @property
    def case(self) -> dict:
        """The case data as it stands before this task's values are merged."""
        return self.instance.data or {}

    @property
    def case_number(self) -> str:
        return self.instance.case_number

    @property
    def username(self) -> str:
        return self.user.username if self.user else "system"

    @property
    def agency(self) -> str | None:
        return self.user.agency_code if self.user else None

    def user_has_role(self, role: str) -> bool:
        return bool(self.user and self.user.has_role(role))

    def now(self) -> datetime:
        return clock.now()

    def add_file_entry(self, kind: str, title: str, content: dict | None = None) -> None:
        entry = CaseFileEntry(instance_id=self.instance.id, kind=kind, title=title,
                              content=content or {}, task_id=self.task_id,
                              created_by=self.username, created_at=clock.now())
        db.session.add(entry)
        self.entries.append(entry)

    def add_document(self, kind: str, title: str, template: str, data: dict | None = None) -> None:
        """Add a case-file entry and the PDF of `template` (workflow_app/documents) issued for it.

        The document reads the case as this task leaves it (`values` over `case`); call this
        after the handler has set the values the document states. What it will say is fixed
        now; it is issued by `finish()`, once the use case writes."""
        self.add_file_entry(kind, title, data)
        entry = self.entries[-1]
        self.documents.append((compose(template, instance=self.instance, content=entry.content, before=self.case,
                                       values=self.values, signer=self.user), entry))

    def finish(self) -> None:
        """Issue the documents the handler asked for, in the use case's write transaction (a
        handler may run before it, while the case is only read: see services/tasks.py)."""
        if not self.documents:
            return
        db.session.flush()                       # the entries' ids link the stored files to them
        issue(self.documents, instance=self.instance)
        self.documents.clear()

    def notify(self, message: str, *, username: str | None = None, agency: str | None = None,
               role: str | None = None) -> None:
        db.session.add(Notification(instance_id=self.instance.id, recipient_username=username,
                                    recipient_agency=agency, recipient_role=role,
                                    message=message, created_at=clock.now()))

    def statistics(self, period_start, period_end, agency: str | None = None) -> dict:
        """The figures of a period (services/statistics.py), for a report that starts pre-filled."""
        from .statistics import compute
        return compute(period_start, period_end, agency)
