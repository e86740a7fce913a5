"""Notifications: the list, opening one (it is then read), marking read; the layout's badge."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user, login_required

from ..extensions import db
from ..models import HumanTask
from ..services import notifications
from ..services.errors import NotFound
from .officials import PER_PAGE, bp, pages
from .session import protect_form, web_user


@bp.app_context_processor
def unread_notifications():
    if not getattr(current_user, "is_authenticated", False):
        return {}
    return {"unread_notifications": notifications.unread_count(current_user.user)}


@bp.get("/notifications", endpoint="notifications")
@login_required
def notifications_page():
    user = web_user()
    unread_only = request.args.get("unread") == "1"
    page = max(1, request.args.get("page", 1, type=int) or 1)
    rows, total = notifications.listing(user, unread_only=unread_only, page=page, per_page=PER_PAGE)
    items = []
    for row in rows:
        text, task_id = notifications.split_marker(row.message)
        items.append({"row": row, "text": text, "task_id": task_id})
    return render_template("officials/notifications.html", items=items, total=total, page=page,
                           pages=pages(total), unread_only=unread_only)


@bp.post("/notifications/<int:notification_id>/open")
@login_required
def open_notification(notification_id):
    protect_form()
    try:
        row = notifications.mark_read(web_user(), notification_id)
    except NotFound:
        abort(404)
    _, task_id = notifications.split_marker(row.message)
    if task_id and db.session.get(HumanTask, task_id) is not None:
        return redirect(url_for("officials.task", task_id=task_id))
    if row.instance_id:
        return redirect(url_for("officials.case", instance_id=row.instance_id))
    return redirect(url_for("officials.notifications"))


@bp.post("/notifications/<int:notification_id>/read")
@login_required
def read_notification(notification_id):
    protect_form()
    try:
        notifications.mark_read(web_user(), notification_id)
    except NotFound:
        abort(404)
    return redirect(url_for("officials.notifications"))


@bp.post("/notifications/read-all")
@login_required
def read_all_notifications():
    protect_form()
    count = notifications.mark_all_read(web_user())
    flash(ngettext("Đã đánh dấu %(num)d thông báo là đã đọc.", "Đã đánh dấu %(num)d thông báo là đã đọc.", count),
          "success")
    return redirect(url_for("officials.notifications"))
