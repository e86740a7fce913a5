"""The cases: the list, a case (status, diagram, timeline, protection file), its diagram's
XML, the reveal of confidential values, attachments and generated documents, cancelling."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from .. import clock
from ..api.attachments import attachment_response
from ..auth import policy
from ..extensions import db
from ..models import STATUSES, HumanTask, ProcessModel, ProcessModelVersion
from ..services import attachments, instances
from ..services.errors import Forbidden, Invalid, NotFound, ServiceError
from . import officials_casefile as casefile
from .officials import PER_PAGE, agency_names, bp, due_state, flash_error, pages
from .officials_labels import STATUS_TITLES
from .session import protect_form, web_user


def page_error(exc: ServiceError):
    """An error page for a refused use case (the case page's own errors are inline)."""
    db.session.rollback()
    titles = {403: _("Không có quyền"), 404: _("Không tìm thấy"), 409: _("Không thực hiện được"),
              500: _("Lỗi hệ thống")}
    return render_template("error.html", title=titles.get(exc.status, _("Không thực hiện được")),
                           message=exc.message), exc.status


def visible_or_404(instance_id: str):
    try:
        return instances.visible(web_user(), instance_id)
    except NotFound:
        abort(404)


def process_names() -> dict[str, str]:
    return dict(db.session.execute(select(ProcessModel.id, ProcessModel.name)).all())


@bp.get("/cases")
@login_required
def cases():
    user = web_user()
    q = (request.args.get("q") or "").strip() or None
    status = request.args.get("status") or None
    if status not in STATUSES:
        status = None
    page = max(1, request.args.get("page", 1, type=int) or 1)
    rows, total = instances.listing(user, q=q, status=status, page=page, per_page=PER_PAGE)
    steps: dict[str, list[str]] = {}
    if rows:
        for task in db.session.execute(select(HumanTask).where(HumanTask.instance_id.in_([r.id for r in rows]))
                                       .order_by(HumanTask.created_at)).scalars():
            steps.setdefault(task.instance_id, []).append(task.name)
    return render_template("officials/cases.html", rows=rows, total=total, page=page, pages=pages(total),
                           q=q or "", status=status or "", statuses=STATUS_TITLES, steps=steps,
                           process_names=process_names())


def render_case(instance, status: int = 200, **extra):
    user = web_user()
    history = instances.history(user, instance.id)
    active = instances.active_tasks(instance.id)
    now = clock.now()
    context = dict(
        instance=instance, process_name=process_names().get(instance.process_model_id, instance.process_model_id),
        active=[{"task": t, "due": due_state(t.due_at, now), "can_open": policy.can_act_on_task(user, t)}
                for t in active],
        timeline=casefile.timeline(instance, history, agency_names()), diagram=casefile.diagram_state(history, active),
        summary=casefile.summary(instance), file=casefile.protection_file(instance),
        agencies=agency_names(),
        can_reveal=policy.has_clearance(user, instance), reveal_choices=casefile.reveal_choices(instance),
        can_attach=policy.can_add_attachment(user, instance.id) and instance.status not in ("completed", "cancelled"),
        can_cancel=policy.can_cancel(user, instance) and instance.status not in ("completed", "cancelled"),
        allowed_types=attachments.ALLOWED, revealed=None, reveal_errors={}, upload_errors=[], cancel_errors=[],
        form_values={})
    context.update(extra)
    return render_template("officials/case.html", **context), status


@bp.get("/cases/<instance_id>")
@login_required
def case(instance_id):
    return render_case(visible_or_404(instance_id))


@bp.get("/cases/<instance_id>/diagram.bpmn")
@login_required
def case_diagram(instance_id):
    """The BPMN XML of the version the case runs on (the API's is token-based)."""
    instance = visible_or_404(instance_id)
    version = db.session.get(ProcessModelVersion, instance.model_version_id)
    response = Response(bytes(version.bpmn_xml), mimetype="application/xml")
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


@bp.post("/cases/<instance_id>/reveal")
@login_required
def reveal(instance_id):
    protect_form()
    instance = visible_or_404(instance_id)
    fields, reason = request.form.getlist("fields"), request.form.get("reason", "")
    try:
        values = instances.reveal(web_user(), instance_id, fields, reason)
    except Invalid as exc:
        db.session.rollback()
        return render_case(instance, 422, reveal_errors=(exc.errors or {}).get("json", {}),
                           form_values={"reason": reason, "fields": fields})
    except ServiceError as exc:
        return page_error(exc)
    return render_case(instance, revealed=casefile.revealed_rows(instance, values),
                       form_values={"reason": reason, "fields": fields})


@bp.post("/cases/<instance_id>/attachments")
@login_required
def upload_attachment(instance_id):
    protect_form()
    instance = visible_or_404(instance_id)
    upload = request.files.get("file")
    try:
        row = attachments.upload(web_user(), instance_id, upload.filename if upload else None,
                                 upload.read() if upload else b"", request.form.get("description"))
    except Invalid as exc:
        db.session.rollback()
        messages = ((exc.errors or {}).get("files") or {}).get("file") or [exc.message]
        return render_case(instance, 422, upload_errors=messages,
                           form_values={"description": request.form.get("description", "")})
    except (Forbidden, ServiceError) as exc:
        flash_error(exc)
        return redirect(url_for("officials.case", instance_id=instance_id) + "#ho-so")
    flash(_("Đã thêm tài liệu “%(name)s” vào hồ sơ.", name=row.filename), "success")
    return redirect(url_for("officials.case", instance_id=instance_id) + "#ho-so")


@bp.get("/cases/<instance_id>/attachments/<file_id>")
@login_required
def download_attachment(instance_id, file_id):
    try:
        row, content = attachments.download(web_user(), instance_id, file_id)
    except NotFound:
        db.session.rollback()
        abort(404)
    except ServiceError as exc:
        return page_error(exc)
    return attachment_response(row, content)


@bp.get("/cases/<instance_id>/documents/<file_id>")
@login_required
def download_document(instance_id, file_id):
    """A generated document (decision, notice) of the case, as the documents API serves it."""
    from ..documents import access
    try:
        row, content = access.download(web_user(), instance_id, file_id)
    except NotFound:
        db.session.rollback()
        abort(404)
    except ServiceError as exc:
        return page_error(exc)
    return attachment_response(row, content)


@bp.post("/cases/<instance_id>/cancel")
@login_required
def cancel(instance_id):
    protect_form()
    instance = visible_or_404(instance_id)
    reason = request.form.get("reason", "")
    try:
        instances.cancel(web_user(), instance_id, reason)
    except Invalid as exc:
        db.session.rollback()
        messages = ((exc.errors or {}).get("json") or {}).get("reason") or [exc.message]
        return render_case(instance, 422, cancel_errors=messages)
    except ServiceError as exc:
        flash_error(exc)
    else:
        flash(_("Đã hủy hồ sơ %(number)s.", number=instance.case_number), "success")
    return redirect(url_for("officials.case", instance_id=instance_id))
