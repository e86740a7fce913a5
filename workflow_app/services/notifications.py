"""Notifications for people: the in-app list, its unread count, and e-mail.

A notification is an outbox row (models.Notification) addressed either to one user or to an
agency and role (every official holding that role there). Handlers write them (decisions on
a request), `advance` writes one for each new user task, `reminders` one for each task about
to be overdue. A notification addressed to a group is one row: read by one member of the
group, it is read for the group (a per-user read state would need its own table).

E-mail: when MAIL_SERVER is configured, each notification committed is also mailed by the
background job "send_mail" (workflow_app/jobs), after the commit (never for a transaction that
rolled back), to <username>@MAIL_DOMAIN of each
recipient; a failing mail server is logged and never fails the request that notified.
"""
from __future__ import annotations

import re
import smtplib
from email.message import EmailMessage

from flask import current_app, has_app_context
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy import event
from sqlalchemy.orm import Session

from .. import clock
from ..jobs import job
from ..jobs.dispatch import queue_on
from ..extensions import db
from ..models import Notification, User, UserRole
from .errors import NotFound

# Markers at the end of a message naming the task it is about (the pages turn them into a
# link; the reminder's marker also makes each reminder unique).
TASK_MARKER = re.compile(r"\s*\[(nhiệm vụ|nhắc hạn) ([0-9A-Za-z-]+)\]\s*$")


def new_task_message(task_name: str, case_number: str, task_id: str) -> str:
    return f"Nhiệm vụ mới “{task_name}” — hồ sơ {case_number}. [nhiệm vụ {task_id}]"


def reminder_marker(task_id: str) -> str:
    return f"[nhắc hạn {task_id}]"


def split_marker(message: str) -> tuple[str, str | None]:
    """(text for people, id of the task the message is about or None)."""
    match = TASK_MARKER.search(message or "")
    if not match:
        return message, None
    return message[:match.start()], match.group(2)


def mine(user: User):
    """WHERE clause: the notifications addressed to `user` or to their agency and role."""
    return or_(Notification.recipient_username == user.username,
               and_(Notification.recipient_username.is_(None),
                    Notification.recipient_agency == user.agency_code,
                    Notification.recipient_role.in_(user.roles)))


def unread_count(user: User) -> int:
    """The badge on every page. `mine` is two disjoint parts (to the user by name; to their
    agency and role, no name), counted apart so that each is answered from one index
    (migration 0005) rather than from the rows the OR of both would visit."""
    unread = Notification.read_at.is_(None)
    personal = select(func.count()).select_from(Notification).where(
        Notification.recipient_username == user.username, unread)
    group = select(func.count()).select_from(Notification).where(
        Notification.recipient_username.is_(None), Notification.recipient_agency == user.agency_code,
        Notification.recipient_role.in_(user.roles), unread)
    return db.session.execute(select(personal.scalar_subquery() + group.scalar_subquery())).scalar_one()


def listing(user: User, *, unread_only: bool = False, page: int = 1, per_page: int = 20):
    query = select(Notification).where(mine(user))
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    total = db.session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = db.session.execute(query.order_by(Notification.id.desc())
                              .limit(per_page).offset((page - 1) * per_page)).scalars().all()
    return rows, total


def visible(user: User, notification_id: int) -> Notification:
    row = db.session.execute(select(Notification).where(Notification.id == notification_id, mine(user))
                             ).scalar_one_or_none()
    if row is None:
        raise NotFound("Không tìm thấy thông báo.")
    return row


def mark_read(user: User, notification_id: int) -> Notification:
    row = visible(user, notification_id)
    if row.read_at is None:
        row.read_at = clock.now()
        db.session.commit()
    return row


def mark_all_read(user: User) -> int:
    result = db.session.execute(update(Notification).where(mine(user), Notification.read_at.is_(None))
                                .values(read_at=clock.now()).execution_options(synchronize_session=False))
    db.session.commit()
    return result.rowcount or 0


# -- e-mail --------------------------------------------------------------------------------------
def _recipients(connection, username, agency, role) -> list[str]:
    if username:
        return [username]
    if not (agency and role):
        return []
    return list(connection.execute(
        select(User.username).join(UserRole, UserRole.user_id == User.id)
        .where(User.agency_code == agency, UserRole.role == role, User.active.is_(True))
        .order_by(User.username)).scalars())


def send_mail(notices: list[dict]) -> int:
    """Mail `notices` ({message, username, agency, role, instance_id}); returns mails sent."""
    config = current_app.config
    if not config.get("MAIL_SERVER") or not notices:
        return 0
    sent = 0
    try:
        with db.engine.connect() as connection:
            addressed = [(n, _recipients(connection, n["username"], n["agency"], n["role"])) for n in notices]
        with smtplib.SMTP(config["MAIL_SERVER"], config.get("MAIL_PORT", 25), timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            for notice, usernames in addressed:
                if not usernames:
                    continue
                text, _ = split_marker(notice["message"])
                mail = EmailMessage()
                mail["Subject"] = "[Bảo vệ 183] " + (text[:80] + "…" if len(text) > 80 else text)
                mail["From"] = config["MAIL_SENDER"]
                mail["To"] = ", ".join(f"{u}@{config['MAIL_DOMAIN']}" for u in usernames)
                link = config.get("MAIL_BASE_URL", "").rstrip("/")
                mail.set_content(text + (f"\n\n{link}/notifications" if link else "") +
                                 "\n\n— Hệ thống bảo vệ người thi hành công vụ (Quy định 183-QĐ/TW)")
                smtp.send_message(mail)
                sent += 1
    except (OSError, smtplib.SMTPException):
        current_app.logger.exception("notification e-mail could not be sent")
    return sent


@job("send_mail")
def send_mail_job(notices: list[dict]) -> int:
    return send_mail(notices)


_INSERT = Notification.__table__.insert()


def write(rows: list[dict]) -> None:
    """Insert notification rows (column values) in the current transaction, by one Core statement
    (the path of every step: advance.py, casefile.py), and mail them once it commits."""
    if rows:
        db.session.connection().execute(_INSERT, rows)
        mail_later(db.session(), rows)


def mail_later(session, rows: list[dict]) -> None:
    """Mail the notifications `rows` (column values) once `session`'s transaction commits: for
    those written without the ORM (`write`); the ORM's are collected below."""
    if rows and has_app_context() and current_app.config.get("MAIL_SERVER"):
        queue_on(session, "send_mail", {"notices": [
            {"message": n["message"], "username": n.get("recipient_username"), "agency": n.get("recipient_agency"),
             "role": n.get("recipient_role"), "instance_id": n.get("instance_id")} for n in rows]})


@event.listens_for(Session, "after_flush")
def _collect(session, flush_context):
    """New notifications are mailed by a background job once their transaction commits."""
    mail_later(session, [{"message": n.message, "recipient_username": n.recipient_username,
                          "recipient_agency": n.recipient_agency, "recipient_role": n.recipient_role,
                          "instance_id": n.instance_id}
                         for n in session.new if isinstance(n, Notification)])
