"""A task's page (its form, drawn from the form's JSON Schema, beside the case) and the start
of a new case. Both post to the same use cases as the API: `tasks.complete`,
`instances.start_case`; their Vietnamese messages come back next to the fields."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

import forms

from .. import clock
from ..auth import policy
from ..extensions import db
from ..models import AuditEvent, ProcessModel, ProcessModelVersion
from ..services import catalogue, instances, tasks
from ..services.errors import Conflict, Forbidden, Invalid, NotFound, ServiceError
from . import forms_render
from . import officials_casefile as casefile
from .officials import agency_names, bp, due_state, eligible_assignees
from .session import protect_form, web_user


# -- helpers -------------------------------------------------------------------------------------
def _form_errors(exc: Invalid) -> tuple[dict, list[str]]:
    """(per-field messages, messages about the form as a whole) of a refused submission."""
    errors = (exc.errors or {}).get("json", {}).get("data", {})
    if not isinstance(errors, dict):
        return {}, forms_render._messages(errors) or [exc.message]
    return errors, forms_render._messages(errors.get("_schema"))


def _posted(schema: dict) -> tuple[dict, str | None]:
    """The posted data, and which repeatable list asked for one more item (no JavaScript)."""
    remove = request.form.get("_remove")
    data = forms_render.parse(schema, request.form, remove=remove)
    add = request.form.get("_add")
    if add and add in (schema.get("properties") or {}):
        data[add] = list(data.get(add) or []) + [{}]
    return data, add or remove


def _unknown_field_errors(schema: dict, errors: dict) -> list[str]:
    known = set(schema.get("properties") or {}) | {"_schema"}
    return [f"{key}: {m}" for key, value in errors.items() if key not in known
            for m in forms_render._messages(value)]


# -- a task ---------------------------------------------------------------------------------------
def _task_or_page(task_id: str):
    """The task, or the page to answer with instead (not found, done, not for this user)."""
    user = web_user()
    try:
        return tasks.visible_task(user, task_id), None
    except NotFound:
        abort(404)
    except Conflict as exc:
        event = db.session.execute(select(AuditEvent).where(AuditEvent.task_id == task_id,
                                                            AuditEvent.type == "task_completed")
                                   .order_by(AuditEvent.seq.desc()).limit(1)).scalar_one_or_none()
        ready = db.session.execute(select(AuditEvent.instance_id).where(AuditEvent.task_id == task_id)
                                   .limit(1)).scalar_one_or_none()
        return None, (render_template("officials/task_gone.html", message=exc.message, done=event,
                                      instance_id=ready), 409)
    except Forbidden as exc:
        return None, (render_template("error.html", title=_("Không có quyền"), message=exc.message), 403)


def render_task(task, instance, *, fields=None, form_errors=(), status=200, notice=None):
    user = web_user()
    can_act = policy.can_act_on_task(user, task)
    held_by_other = bool(task.assignee) and task.assignee != user.username
    schema = None
    if fields is None and can_act and not held_by_other:
        schema, data = tasks.form_of(user, task, instance)
        fields = forms_render.build(schema, data)
    if schema is None and fields is not None:
        schema = forms.json_schema(task.form_key, choices=catalogue.choices())
    return render_template(
        "officials/task.html", task=task, instance=instance, fields=fields or [], form_title=(schema or {}).get("title"),
        form_errors=list(form_errors), can_act=can_act, held_by_other=held_by_other, notice=notice,
        can_release=bool(task.assignee) and policy.can_release(user, task),
        can_assign=policy.can_assign(user, task), assignees=eligible_assignees(task) if policy.can_assign(user, task) else [],
        due=due_state(task.due_at, clock.now()), agencies=agency_names(),
        summary=casefile.summary(instance), file=casefile.protection_file(instance)), status


@bp.get("/tasks/<task_id>")
@login_required
def task(task_id):
    task, page = _task_or_page(task_id)
    if page:
        return page
    instance = instances.visible(web_user(), task.instance_id)
    return render_task(task, instance)


@bp.post("/tasks/<task_id>")
@login_required
def complete(task_id):
    protect_form()
    user = web_user()
    task, page = _task_or_page(task_id)
    if page:
        return page
    instance = instances.visible(user, task.instance_id)
    schema = forms.json_schema(task.form_key, choices=catalogue.choices())
    data, item_action = _posted(schema)
    if item_action:
        return render_task(task, instance, fields=forms_render.build(schema, data))
    name, case_number = task.name, instance.case_number
    try:
        instance, next_tasks = tasks.complete(user, task_id, data)
    except Invalid as exc:
        db.session.rollback()
        errors, general = _form_errors(exc)
        return render_task(task, instance, fields=forms_render.build(schema, data, errors),
                           form_errors=general + _unknown_field_errors(schema, errors), status=422)
    except (Conflict, Forbidden) as exc:
        db.session.rollback()
        task, page = _task_or_page(task_id)
        if page:
            return page
        return render_task(task, instances.visible(user, task.instance_id), status=exc.status, notice=exc.message)
    except NotFound:
        db.session.rollback()
        abort(404)
    flash(_("Đã hoàn thành “%(name)s” của hồ sơ %(number)s.", name=name, number=case_number), "success")
    for nxt in next_tasks:
        if policy.can_act_on_task(user, nxt):
            flash(_("Bước tiếp theo cũng là việc của bạn: “%(name)s”.", name=nxt.name), "info")
    return redirect(url_for("officials.case", instance_id=instance.id) if instance.status not in
                    ("running", "waiting") else url_for("officials.inbox"))


# -- starting a case ------------------------------------------------------------------------------
def startable_models(user) -> list[tuple[ProcessModel, dict]]:
    """(model, start binding) of each deployed process `user` may start (policy.can_start)."""
    out = []
    # One statement for every page's menu: each model with the bindings of its latest version
    # (not the version rows themselves, which hold the whole diagram).
    rows = db.session.execute(
        select(ProcessModel, ProcessModelVersion.bindings)
        .join(ProcessModelVersion, (ProcessModelVersion.process_model_id == ProcessModel.id)
              & (ProcessModelVersion.version == ProcessModel.latest_version))
        .where(ProcessModel.latest_version > 0).order_by(ProcessModel.name)).all()
    for model, bindings in rows:
        binding = next(({**b, "element_id": eid} for eid, b in ((bindings or {}).get("tasks") or {}).items()
                        if b.get("kind") == "start"), None)
        if binding and binding.get("form_key") and policy.can_start(user, binding):
            out.append((model, binding))
    return out


def _start_form(model_id: str):
    user = web_user()
    for model, binding in startable_models(user):
        if model.id == model_id:
            return model, forms.json_schema(binding["form_key"], choices=catalogue.choices())
    abort(404)


@bp.get("/start")
@login_required
def start_list():
    return render_template("officials/start_list.html", models=startable_models(web_user()))


@bp.route("/start/<model_id>", methods=["GET", "POST"])
@login_required
def start(model_id):
    model, schema = _start_form(model_id)
    if request.method == "GET":
        return render_template("officials/start.html", model=model, fields=forms_render.build(schema, {}),
                               form_title=schema.get("title"), form_errors=[])
    protect_form()
    data, item_action = _posted(schema)
    status, errors, general = 200, None, []
    if not item_action:
        try:
            instance = instances.start_case(web_user(), model_id, data)
        except Invalid as exc:
            db.session.rollback()
            errors, general = _form_errors(exc)
            general += _unknown_field_errors(schema, errors)
            status = 422
        except ServiceError as exc:
            db.session.rollback()
            status, general = exc.status, [exc.message]
        else:
            flash(_("Đã lập hồ sơ %(number)s.", number=instance.case_number), "success")
            return redirect(url_for("officials.case", instance_id=instance.id))
    return render_template("officials/start.html", model=model, fields=forms_render.build(schema, data, errors),
                           form_title=schema.get("title"), form_errors=general), status
