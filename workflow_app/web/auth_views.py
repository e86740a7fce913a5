"""Signing in and out of the pages."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from sqlalchemy import select

from .. import audit
from ..auth import passwords
from ..extensions import db
from ..models import User
from .session import SessionUser, protect_form, web_user

bp = Blueprint("web_auth", __name__)


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("officials.home")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("auth/login.html", username="", next=request.args.get("next", ""))
    protect_form()
    username = (request.form.get("username") or "").strip()
    password = request.form.get("password") or ""
    user = db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active or not passwords.check_password(user.password_hash, password):
        audit.append([{"type": "login_failed", "data": {"username": username, "via": "web"}}], None)
        db.session.commit()
        return render_template("auth/login.html", username=username, next=request.form.get("next", ""),
                               error="Sai tên đăng nhập hoặc mật khẩu."), 401
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
    flash("Đã đăng xuất.", "info")
    return redirect(url_for("web_auth.login"))
