"""Signing in: the lock after repeated failures, secure cookies, the language switch."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from workflow_app import clock, create_app
from workflow_app.extensions import db
from workflow_app.models import AuditEvent

from ..browser.officials_helpers import HEAD, pages  # noqa: F401

LOCKED = "Tài khoản tạm thời bị khóa"


def fail(pages, times: int, username: str = HEAD):
    return [pages.login(username, "sai-mat-khau") for _ in range(times)]


def test_five_failures_within_fifteen_minutes_lock_the_username(pages):
    responses = fail(pages, 4)
    assert [r.status_code for r in responses] == [401] * 4
    fifth = fail(pages, 1)[0]
    assert fifth.status_code == 429 and LOCKED in pages.text(fifth)
    assert "15 phút" in pages.text(fifth)
    # Even the right password is refused while locked, and the try is recorded.
    right = pages.login(HEAD)
    assert right.status_code == 429 and LOCKED in pages.text(right)
    assert db.session.execute(select(AuditEvent).where(AuditEvent.type == "login_locked")).scalars().all()
    # Another username is not concerned.
    assert pages.login("verifier.ca_tinh").status_code == 302


def test_the_lock_ends_after_the_window_and_a_success_clears_the_count(pages):
    fail(pages, 5)
    clock.advance(timedelta(minutes=16))
    assert pages.login(HEAD).status_code == 302
    # The failures before the success no longer count: four more do not lock.
    assert [r.status_code for r in fail(pages, 4)] == [401] * 4
    assert pages.login(HEAD).status_code == 302


def test_failures_spread_over_more_than_the_window_do_not_lock(pages):
    fail(pages, 3)
    clock.advance(timedelta(minutes=14))
    fail(pages, 2)
    clock.advance(timedelta(minutes=2))          # the first three are now older than 15 minutes
    assert pages.login(HEAD).status_code == 302


def test_attempts_while_locked_do_not_extend_the_lock(pages):
    fail(pages, 5)
    clock.advance(timedelta(minutes=10))
    assert pages.login(HEAD).status_code == 429
    clock.advance(timedelta(minutes=6))
    assert pages.login(HEAD).status_code == 302


def test_session_cookies_are_secure_when_configured(monkeypatch, test_database, tmp_path):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "true")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}", "TESTING": True})
    assert app.config["SESSION_COOKIE_SECURE"] is True and app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    monkeypatch.delenv("SESSION_COOKIE_SECURE")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'y.sqlite3'}", "TESTING": True})
    assert app.config["SESSION_COOKIE_SECURE"] is False        # the demo runs on plain http


def test_the_session_cookie_is_http_only(pages):
    response = pages.login(HEAD)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_the_language_switch_needs_csrf_and_changes_the_pages(pages):
    pages.login(HEAD)
    assert pages.post("/language", {"lang": "en"}, csrf=False).status_code == 400
    response = pages.post("/language", {"lang": "en", "next": "/inbox"})
    assert response.status_code == 302 and response.headers["Location"] == "/inbox"
    page = pages.text(pages.get("/inbox"))
    assert "<h1>Inbox</h1>" in page and 'lang="en"' in page and "My roles" in page
    pages.post("/language", {"lang": "xx"})                   # unknown: nothing changes
    assert "<h1>Inbox</h1>" in pages.text(pages.get("/inbox"))
    pages.post("/language", {"lang": "vi", "next": "//evil.example/"})
    assert "<h1>Hộp việc</h1>" in pages.text(pages.get("/inbox"))


def test_the_login_page_works_in_english_for_wrong_passwords_too(pages):
    pages.get("/login")
    pages.post("/language", {"lang": "en"})
    response = pages.client.post("/login", data={"username": HEAD, "password": "x", "csrf_token": pages.token})
    assert response.status_code == 401 and "Wrong username or password." in pages.text(response)
