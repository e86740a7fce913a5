"""Signing in and out of the pages, and the choice of language.

Repeated failures lock a username for a while: LOGIN_MAX_FAILURES failed logins within
LOGIN_LOCK_MINUTES (counted from the audit log's `login_failed` events, so every server
agrees and no table is needed) refuse that username until the oldest of them is older than
the window. A successful login clears the count (failures before it are not counted).
Attempts while locked are recorded as `login_locked`, which do not extend the lock.
"""
from __future__ import annotations

import math

from flask import (Blueprint, current_app, flash, redirect, render_template, request, session,
                   url_for)
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user
from sqlalchemy import select

from .. import audit, clock
from ..auth import passwords
from ..auth.lockout import locked_until
from ..extensions import db
from ..models import User
from .session import SessionUser, protect_form, web_user

bp = Blueprint("web_auth", __name__)


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("officials.home")


def _locked_page(username: str, until):
    minutes = max(1, math.ceil((until - clock.now()).total_seconds() / 60))
    message = _("Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau %(minutes)d phút.",
                minutes=minutes)
    return render_template("auth/login.html", username=username, next=request.form.get("next", ""),
                           error=message), 429


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("auth/login.html", username="", next=request.args.get("next", ""))
    protect_form()
    username = (request.form.get("username") or "").strip()
    password = request.form.get("password") or ""
    until = locked_until(username) if username else None
    if until is not None:
        audit.append([{"type": "login_locked", "data": {"username": username, "via": "web"}}], None)
        db.session.commit()
        return _locked_page(username, until)
    user = db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active or not passwords.check_password(user.password_hash, password):
        audit.append([{"type": "login_failed", "data": {"username": username, "via": "web"}}], None)
        db.session.commit()
        until = locked_until(username) if username else None
        if until is not None:
            return _locked_page(username, until)
        return render_template("auth/login.html", username=username, next=request.form.get("next", ""),
                               error=_("Sai tên đăng nhập hoặc mật khẩu.")), 401
    login_user(SessionUser(user))
    audit.append([{"type": "login_succeeded", "data": {"via": "web"}}], user)
    db.session.commit()
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/logout")
@login_required
def logout():
    protect_form()
    user = web_user()
    audit.append([{"type": "logout", "data": {"via": "web"}}], user)
    db.session.commit()
    logout_user()
    flash(_("Đã đăng xuất."), "info")
    return redirect(url_for("web_auth.login"))


@bp.post("/language")
def language():
    protect_form()
    chosen = request.form.get("lang")
    if chosen in current_app.config.get("LANGUAGES", {}):
        session["lang"] = chosen
    return redirect(_safe_next(request.form.get("next")))
