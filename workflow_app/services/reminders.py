"""Reminders of tasks about to be overdue: what the timer loop calls besides firing timers.

`notify_due_soon(now)` writes one notification for each user task whose due date falls in
the next DUE_SOON_HOURS, to its assignee or else to its agency and role. Each task is
reminded once: the message carries a marker with the task id, looked for before writing.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from .. import clock
from ..extensions import db
from ..models import HumanTask, Notification, ProcessInstance
from .notifications import reminder_marker

DEFAULT_DUE_SOON_HOURS = 24


def due_soon_window() -> timedelta:
    return timedelta(hours=current_app.config.get("DUE_SOON_HOURS", DEFAULT_DUE_SOON_HOURS))


def notify_due_soon(now: datetime | None = None) -> int:
    """Remind each task due within the window, once; returns the reminders written."""
    now = now or clock.now()
    rows = db.session.execute(
        select(HumanTask, ProcessInstance.case_number)
        .join(ProcessInstance, ProcessInstance.id == HumanTask.instance_id)
        .where(HumanTask.due_at > now, HumanTask.due_at <= now + due_soon_window())
        .order_by(HumanTask.due_at, HumanTask.id)).all()
    written = 0
    for task, case_number in rows:
        marker = reminder_marker(task.id)
        already = db.session.execute(select(Notification.id).where(
            Notification.instance_id == task.instance_id,
            Notification.message.contains(marker, autoescape=True)).limit(1)).scalar_one_or_none()
        if already is not None:
            continue
        due = clock.as_utc(task.due_at).astimezone(clock.LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
        db.session.add(Notification(
            instance_id=task.instance_id, recipient_username=task.assignee,
            recipient_agency=None if task.assignee else task.agency_code,
            recipient_role=None if task.assignee else task.role,
            message=f"Nhiệm vụ “{task.name}” của hồ sơ {case_number} sắp đến hạn ({due}). {marker}",
            created_at=clock.now()))
        written += 1
    db.session.commit()
    return written
