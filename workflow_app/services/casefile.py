"""What a task handler may do: read the case, enrich the values, add to the case file,
notify people. Handlers get this context and nothing else of the application.

What a handler adds is kept in the context and written by `finish()`, in the use case's write
transaction (for a completion the handler runs before it, while the case is only read: ADR 0013),
by pre-built Core statements (ADR 0014)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .. import clock
from ..documents.store import compose, issue
from ..extensions import db
from ..models import CaseFileEntry, ProcessInstance, User
from . import notifications

_ENTRIES = CaseFileEntry.__table__
_ENTRY_COLUMNS = ("instance_id", "kind", "title", "content", "task_id", "created_by", "created_at")
_INSERT_ENTRIES = _ENTRIES.insert().returning(_ENTRIES.c.id, sort_by_parameter_order=True)


@dataclass
class HandlerContext:
    user: User | None
    instance: ProcessInstance
    element_id: str
    task_name: str
    values: dict
    task_id: str | None = None
    entries: list = field(default_factory=list)        # CaseFileEntry objects, written by finish()
    notices: list = field(default_factory=list)        # notification rows (column values)
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
        self.entries.append(CaseFileEntry(instance_id=self.instance.id, kind=kind, title=title,
                                          content=content or {}, task_id=self.task_id,
                                          created_by=self.username, created_at=clock.now()))

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
        """Write the entries, notifications and documents the handler added, in the use case's
        write transaction, once the instance row exists."""
        connection = db.session.connection()
        if self.entries:
            ids = connection.execute(_INSERT_ENTRIES, [{name: getattr(entry, name) for name in _ENTRY_COLUMNS}
                                                       for entry in self.entries]).scalars().all()
            for entry, entry_id in zip(self.entries, ids, strict=True):
                entry.id = entry_id              # the documents' rows and file names refer to it
        notifications.write(self.notices)
        if self.documents:
            issue(self.documents, instance=self.instance)
        self.entries, self.notices, self.documents = [], [], []

    def notify(self, message: str, *, username: str | None = None, agency: str | None = None,
               role: str | None = None) -> None:
        self.notices.append({"instance_id": self.instance.id, "recipient_username": username,
                             "recipient_agency": agency, "recipient_role": role, "message": message,
                             "created_at": clock.now(), "read_at": None})

    def statistics(self, period_start, period_end, agency: str | None = None) -> dict:
        """The figures of a period (services/statistics.py), for a report that starts pre-filled."""
        from .statistics import compute
        return compute(period_start, period_end, agency)
