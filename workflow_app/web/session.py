"""Login sessions for the pages (Flask-Login) and CSRF protection (Flask-WTF)."""
from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect

from ..auth import callers
from ..models import User

login_manager = LoginManager()
csrf = CSRFProtect()


class SessionUser:
    """Flask-Login's view of our User; keeps the model free of login concerns."""

    def __init__(self, user: User):
        self.user = user

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return str(self.user.id)


@login_manager.user_loader
def load_user(user_id: str):
    user = callers.by_id(int(user_id)) if user_id.isdigit() else None
    return SessionUser(user) if user is not None and user.active else None


@login_manager.unauthorized_handler
def unauthorized():
    flash("Vui lòng đăng nhập để tiếp tục.", "info")
    return redirect(url_for("web_auth.login", next=request.full_path if request.method == "GET" else None))


def web_user() -> User:
    """The signed-in user (call only behind `login_required`)."""
    return current_user.user


def protect_form() -> None:
    """CSRF check for a page's POST (the API, with bearer tokens, does not use it)."""
    if request.method == "POST":
        csrf.protect()
