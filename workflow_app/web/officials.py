"""Officials' pages: the inbox, the list of cases, a case.

Views are thin: they call the same use cases as the API (workflow_app.services) and render.
"""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import login_required

from .. import clock
from ..services import instances, tasks
from ..services.errors import NotFound
from .session import web_user

bp = Blueprint("officials", __name__)

SCOPE_TITLES = {"mine": "Của tôi", "group": "Vai trò của tôi", "agency": "Cơ quan", "all": "Tất cả"}
STATUS_TITLES = {"running": "Đang xử lý", "waiting": "Đang chờ", "completed": "Đã kết thúc",
                 "cancelled": "Đã hủy", "error": "Có sự cố"}


@bp.app_template_filter("vn_datetime")
def vn_datetime(value):
    if value is None:
        return ""
    return clock.as_utc(value).astimezone(clock.LOCAL_TZ).strftime("%d/%m/%Y %H:%M")


@bp.app_template_filter("status_title")
def status_title(value):
    return STATUS_TITLES.get(value, value)


@bp.get("/")
@login_required
def home():
    return redirect(url_for("officials.inbox"))


@bp.get("/inbox")
@login_required
def inbox():
    scope = request.args.get("scope", "all")
    if scope not in tasks.SCOPES:
        scope = "all"
    page = max(1, request.args.get("page", 1, type=int) or 1)
    rows, total = tasks.listing(web_user(), scope=scope, page=page, per_page=25,
                                q=request.args.get("q") or None)
    return render_template("officials/inbox.html", rows=rows, total=total, scope=scope,
                           scopes=SCOPE_TITLES, now=clock.now(), page=page)


@bp.get("/cases")
@login_required
def cases():
    page = max(1, request.args.get("page", 1, type=int) or 1)
    rows, total = instances.listing(web_user(), q=request.args.get("q") or None, page=page, per_page=25)
    return render_template("officials/cases.html", rows=rows, total=total, page=page)


@bp.get("/cases/<instance_id>")
@login_required
def case(instance_id):
    user = web_user()
    try:
        instance = instances.visible(user, instance_id)
    except NotFound:
        abort(404)
    from ..models import CaseFileEntry
    from ..extensions import db
    from sqlalchemy import select
    entries = db.session.execute(select(CaseFileEntry).where(CaseFileEntry.instance_id == instance.id)
                                 .order_by(CaseFileEntry.id)).scalars().all()
    return render_template("officials/case.html", instance=instance,
                           active=instances.active_tasks(instance.id),
                           history=instances.history(user, instance.id), entries=entries)
