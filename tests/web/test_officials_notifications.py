"""Notifications: new tasks for my group, reminders before a deadline, decisions on my
requests; the badge, the list, opening and marking read; e-mail when a server is set."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import HumanTask, Notification
from workflow_app.services import notifications, reminders

from ..api.helpers import INTAKE_OK, VERIFY_OK, advance, start
from ..browser.officials_helpers import HEAD, INTAKE, OUTSIDER, REQUESTER, VERIFIER, pages  # noqa: F401


def badge(page: str) -> int | None:
    import re
    match = re.search(r'<span class="badge">(\d+)', page)
    return int(match.group(1)) if match else None


def test_a_new_task_notifies_its_agency_and_role(api):
    case = start(api)
    rows = db.session.execute(select(Notification).where(Notification.instance_id == case["id"])).scalars().all()
    [row] = rows
    task = db.session.query(HumanTask).filter_by(instance_id=case["id"]).one()
    assert (row.recipient_agency, row.recipient_role, row.recipient_username) == ("CA_TINH", "intake_officer", None)
    assert row.message == f"Nhiệm vụ mới “Tiếp nhận đề nghị” — hồ sơ {case['case_number']}. [nhiệm vụ {task.id}]"


def test_the_badge_the_list_and_opening_a_notification(api, pages):
    case = start(api)
    pages.login(INTAKE)
    inbox = pages.text(pages.get("/inbox"))
    assert badge(inbox) == 1
    page = pages.text(pages.get("/notifications"))
    assert f"Nhiệm vụ mới “Tiếp nhận đề nghị” — hồ sơ {case['case_number']}." in page
    assert "[nhiệm vụ" not in page and "Mở nhiệm vụ" in page
    row = db.session.execute(select(Notification)).scalar_one()
    response = pages.post(f"/notifications/{row.id}/open")
    task = db.session.query(HumanTask).filter_by(instance_id=case["id"]).one()
    assert response.headers["Location"] == f"/tasks/{task.id}"
    assert badge(pages.text(pages.get("/inbox"))) is None
    assert db.session.get(Notification, row.id).read_at is not None


def test_a_notification_about_a_task_done_since_opens_the_case(api, pages):
    case = start(api)
    api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    pages.login(INTAKE)
    first = db.session.execute(select(Notification).order_by(Notification.id)).scalars().first()
    response = pages.post(f"/notifications/{first.id}/open")
    assert response.headers["Location"] == f"/cases/{case['id']}"


def test_decisions_reach_the_requester_and_mark_all_read(api, pages):
    case = start(api)
    api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    api.do(VERIFIER, case["id"], "verify", VERIFY_OK)
    api.do(HEAD, case["id"], "decide", {"decision_outcome": "tu_choi", "decision_reasons": "Không đủ căn cứ."})
    pages.login(REQUESTER)
    page = pages.text(pages.get("/notifications"))
    assert badge(page) == 1 and "Không đủ căn cứ." in page and "Xem hồ sơ" in page
    pages.post("/notifications/read-all")
    page = pages.text(pages.get("/notifications"))
    assert badge(page) is None and "Đã đánh dấu 1 thông báo là đã đọc." in page
    assert "Không có thông báo." in pages.text(pages.get("/notifications?unread=1"))


def test_other_peoples_notifications_are_not_found(api, pages):
    start(api)
    row = db.session.execute(select(Notification)).scalar_one()
    pages.login(OUTSIDER)
    assert "Không có thông báo." in pages.text(pages.get("/notifications"))
    assert pages.post(f"/notifications/{row.id}/open").status_code == 404
    assert pages.post(f"/notifications/{row.id}/read").status_code == 404
    pages.post("/notifications/read-all")
    assert db.session.get(Notification, row.id).read_at is None
    pages.login(INTAKE)
    assert pages.post(f"/notifications/{row.id}/read", csrf=False).status_code == 400


def test_tasks_about_to_be_overdue_are_reminded_once(api, app):
    case = start(api)                                     # intake is due in 3 days
    assert reminders.notify_due_soon() == 0
    advance(api, timedelta(days=2, hours=1))
    assert reminders.notify_due_soon(clock.now()) == 1
    assert reminders.notify_due_soon(clock.now()) == 0    # once per task
    row = db.session.execute(select(Notification).where(Notification.message.contains("sắp đến hạn"))).scalar_one()
    task = db.session.query(HumanTask).filter_by(instance_id=case["id"]).one()
    assert (row.recipient_agency, row.recipient_role) == ("CA_TINH", "intake_officer")
    assert case["case_number"] in row.message and notifications.split_marker(row.message)[1] == task.id
    advance(api, timedelta(days=1))                       # overdue now: not "about to be" any more
    assert reminders.notify_due_soon(clock.now()) == 0


def test_a_claimed_task_is_reminded_to_its_holder(api, app):
    case = start(api)
    task = db.session.query(HumanTask).filter_by(instance_id=case["id"]).one()
    api.post(INTAKE, f"/tasks/{task.id}/claim")
    app.config["DUE_SOON_HOURS"] = 80
    assert reminders.notify_due_soon(clock.now()) == 1
    row = db.session.execute(select(Notification).where(Notification.message.contains("sắp đến hạn"))).scalar_one()
    assert row.recipient_username == INTAKE and row.recipient_agency is None


class FakeSMTP:
    sent: list = []
    calls: list = []

    def __init__(self, host, port, timeout=None):
        FakeSMTP.calls.append((host, port))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self):
        FakeSMTP.calls.append("starttls")

    def login(self, username, password):
        FakeSMTP.calls.append(("login", username))

    def send_message(self, message):
        FakeSMTP.sent.append(message)


def test_notifications_are_mailed_after_commit_when_a_server_is_configured(api, app, monkeypatch):
    FakeSMTP.sent, FakeSMTP.calls = [], []
    monkeypatch.setattr(notifications.smtplib, "SMTP", FakeSMTP)
    start(api)
    assert FakeSMTP.sent == []                             # no MAIL_SERVER: no mail
    app.config.update(MAIL_SERVER="smtp.example.invalid", MAIL_PORT=2525, MAIL_DOMAIN="baove.test",
                      MAIL_USE_TLS=True, MAIL_USERNAME="relay")
    case = start(api)
    [mail] = FakeSMTP.sent
    assert mail["To"] == "intake_officer.ca_tinh@baove.test" and mail["From"] == app.config["MAIL_SENDER"]
    assert case["case_number"] in mail["Subject"] and "[nhiệm vụ" not in mail.get_content()
    assert FakeSMTP.calls[:3] == [("smtp.example.invalid", 2525), "starttls", ("login", "relay")]


def test_a_failed_request_mails_nothing_and_a_broken_server_fails_nothing(api, app, monkeypatch):
    FakeSMTP.sent = []
    monkeypatch.setattr(notifications.smtplib, "SMTP", FakeSMTP)
    app.config.update(MAIL_SERVER="smtp.example.invalid")
    api.post(REQUESTER, "/process-instances", json={"process_model": "protection_request", "data": {}})
    assert FakeSMTP.sent == []

    class Broken(FakeSMTP):
        def __init__(self, *a, **k):
            raise OSError("connection refused")
    monkeypatch.setattr(notifications.smtplib, "SMTP", Broken)
    start(api)                                             # still 201
