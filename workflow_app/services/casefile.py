"""What a task handler may do: read the case, enrich the values, add to the case file,
notify people. Handlers get this context and nothing else of the application."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .. import clock
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

    def notify(self, message: str, *, username: str | None = None, agency: str | None = None,
               role: str | None = None) -> None:
        db.session.add(Notification(instance_id=self.instance.id, recipient_username=username,
                                    recipient_agency=agency, recipient_role=role,
                                    message=message, created_at=clock.now()))
