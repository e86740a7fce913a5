"""Officials' pages: the inbox with its actions (this module), a task and the start of a
case (officials_tasks), the cases and a case (officials_cases), notifications
(officials_notifications). All on one blueprint, `officials`.

Views are thin: they call the same use cases as the API (workflow_app.services), turn their
errors into messages on the page, and render. Access rules live in auth/policy.py only.
"""
from __future__ import annotations

import math
from datetime import timedelta

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import login_required
from sqlalchemy import select

from .. import clock
from ..auth import policy
from ..extensions import db
from ..models import Agency, HumanTask, User
from ..services import inbox as inbox_query, tasks
from ..services.errors import ServiceError
from ..services.reminders import due_soon_window
from . import nav
from .session import protect_form, web_user

bp = Blueprint("officials", __name__)

PER_PAGE = 20
TABS = {"mine": _l("Của tôi"), "group": _l("Vai trò của tôi"), "agency": _l("Cơ quan"), "overdue": _l("Quá hạn")}
DEFAULT_TAB = "group"


def agency_names() -> dict[str, str]:
    if "agency_names" not in g:
        g.agency_names = dict(db.session.execute(select(Agency.code, Agency.name)).all())
    return g.agency_names


def safe_next(default: str) -> str:
    target = request.form.get("next") or request.args.get("next")
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return default


def flash_error(exc: ServiceError) -> None:
    db.session.rollback()          # a refused use case leaves nothing behind, nor a write lock
    flash(exc.message if not exc.errors else _error_text(exc), "error")


def _error_text(exc: ServiceError) -> str:
    details = [m for field in (exc.errors.get("json") or {}).values() for m in
               (field if isinstance(field, list) else [str(field)])]
    return " ".join([exc.message, *details])


def pages(total: int, per_page: int | None = None) -> int:
    return max(1, math.ceil(total / (per_page or PER_PAGE)))


def due_state(due_at, now) -> str | None:
    """'overdue', 'soon' (within DUE_SOON_HOURS) or None."""
    if due_at is None:
        return None
    due_at = clock.as_utc(due_at)
    if due_at < now:
        return "overdue"
    if due_at <= now + due_soon_window():
        return "soon"
    return None


@bp.get("/")
@login_required
def home():
    """Each kind of user lands where their work is: auditors on the audit search,
    designers (who do no case work) on the modeler, everyone else on the inbox."""
    user = web_user()
    if user.has_role("auditor"):
        return redirect(url_for("auditors.search"))
    if set(user.roles) <= {"designer", "admin"} and user.has_role("designer"):
        return redirect(url_for("designers.index"))
    return redirect(url_for("officials.inbox"))


def _tab_filters(tab: str, cases, now) -> dict:
    scope, overdue = ("all", True) if tab == "overdue" else (tab, False)
    return {"scope": scope, "overdue": overdue, "cases": cases, "now": now}


def eligible_assignees(task: HumanTask) -> list[User]:
    """People who may be given `task`: the rule is policy.eligible_for."""
    key = (task.agency_code, task.role)
    cache = g.setdefault("eligible", {})
    if key not in cache:
        people = db.session.execute(select(User).where(User.agency_code == task.agency_code, User.active)
                                    .order_by(User.username)).scalars().all()
        cache[key] = [u for u in people if policy.eligible_for(u, task.role, task.agency_code)]
    return cache[key]


@bp.get("/inbox")
@login_required
def inbox():
    user = web_user()
    tab = request.args.get("tab") or request.args.get("scope") or DEFAULT_TAB
    if tab not in TABS:
        tab = DEFAULT_TAB
    q = (request.args.get("q") or "").strip() or None
    page = max(1, request.args.get("page", 1, type=int) or 1)
    cases = inbox_query.case_clause(q=q)                  # the search, once for every tab
    filters = {key: _tab_filters(key, cases, clock.now()) for key in TABS}
    counts = {key: inbox_query.count(user, **f) for key, f in filters.items()}   # the tabs' badges
    total = counts[tab]
    rows = (inbox_query.page(inbox_query.conditions(user, **filters[tab]), page=page, per_page=PER_PAGE)
            if total > (page - 1) * PER_PAGE else [])
    now = clock.now()
    items = []
    for task, case_number in rows:
        can_assign = policy.can_assign(user, task)
        items.append({
            "task": task, "case_number": case_number, "due": due_state(task.due_at, now),
            "can_open": policy.can_act_on_task(user, task),
            "can_claim": task.assignee is None and policy.can_act_on_task(user, task),
            "can_release": task.assignee is not None and policy.can_release(user, task),
            "can_assign": can_assign,
            "assignees": eligible_assignees(task) if can_assign else [],
        })
    return render_template("officials/inbox.html", items=items, total=total, tab=tab, tabs=TABS,
                           counts=counts, q=q or "", page=page, pages=pages(total),
                           agencies=agency_names(), due_soon_hours=int(due_soon_window() / timedelta(hours=1)))


def _task_action(task_id: str, action, done_message: str):
    protect_form()
    user = web_user()
    try:
        task = action(user, task_id)
    except ServiceError as exc:
        flash_error(exc)
    else:
        flash(done_message.format(name=task.name, assignee=task.assignee or ""), "success")
    return redirect(safe_next(url_for("officials.inbox")))


@bp.post("/tasks/<task_id>/claim")
@login_required
def claim(task_id):
    return _task_action(task_id, tasks.claim, _("Bạn đã nhận xử lý nhiệm vụ “{name}”."))


@bp.post("/tasks/<task_id>/release")
@login_required
def release(task_id):
    return _task_action(task_id, tasks.release, _("Đã trả lại nhiệm vụ “{name}” cho nhóm."))


@bp.post("/tasks/<task_id>/assign")
@login_required
def assign(task_id):
    username = request.form.get("username", "")
    return _task_action(task_id, lambda user, tid: tasks.assign(user, tid, username),
                        _("Đã giao nhiệm vụ “{name}” cho {assignee}."))


def _can_start_something(user) -> bool:
    """Whether the layout shows "Đề nghị mới" (asked once per request)."""
    from .officials_tasks import startable_models
    cache = g.setdefault("can_start", {})
    if user.id not in cache:
        cache[user.id] = bool(startable_models(user))
    return cache[user.id]


nav.add("officials.start_list", "Đề nghị mới", _can_start_something)

from . import officials_cases, officials_notifications, officials_tasks  # noqa: E402,F401  (routes)
