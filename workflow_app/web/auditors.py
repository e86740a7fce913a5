"""Auditors' pages: search the log across every case, read one case's history on its
diagram, check the chain, export what was found.

Read-only: nothing here changes a case. What does get written is the auditors' own trail —
every page, the diagram data, every export asked for and every file downloaded is an
`audit_viewed` or `export_made` event (workflow_app.audit.access) — so the log also says who
looked at what. An export is made in the background (issue #8): the form posts a request
(audit/export_requests.py), the page of the request follows it until its file is ready.
"""
from __future__ import annotations

import json

from flask import Blueprint, Response, abort, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import audit
from ..audit import access, export, export_render, export_requests, head as chain_head, path as case_path, search
from ..audit.titles import EVENT_TITLES, title
from ..auth import policy
from ..extensions import db
from ..models import Agency, InstanceParty, ProcessInstance, ProcessModel
from .nav import add as add_nav_link
from .session import login_manager, protect_form, web_user

bp = Blueprint("auditors", __name__, url_prefix="/audit")
FORMATS = export_requests.FORMATS

add_nav_link("auditors.search", "Kiểm toán", policy.can_read_audit)


@bp.before_request
def auditors_only():
    if not getattr(current_user, "is_authenticated", False):
        return login_manager.unauthorized()
    if not policy.can_read_audit(web_user()):
        abort(403)
    return None


@bp.app_template_filter("event_title")
def event_title(value):
    return title(value)


@bp.app_template_filter("audit_data")
def audit_data(value):
    return json.dumps(value or {}, ensure_ascii=False, sort_keys=True, indent=2, default=str)


@bp.app_template_filter("audit_time")
def audit_time(value):
    return export.local_time(value)


@bp.app_template_filter("file_size")
def file_size(size):
    """12.345 byte, 13 KB (13.312 byte), 1,5 MB (…): Vietnamese separators."""
    if size is None:
        return "—"
    exact = f"{size:,}".replace(",", ".") + " byte"
    if size < 1024:
        return exact
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB ({exact})"
    return f"{size / 1024 / 1024:.1f} MB ({exact})".replace(".", ",", 1)


# -- search ---------------------------------------------------------------------------------
@bp.get("/", endpoint="search")
def search_page():
    return _search_page(request.args)


def _search_page(args, status: int = 200):
    filters, errors = search.from_page(args)
    page = max(1, args.get("page", 1, type=int) or 1)
    rows, total, cases, case_total = [], 0, [], 0
    if not errors:
        total = search.count(filters)
        rows = search.events(filters, limit=search.PAGE_SIZE, offset=(page - 1) * search.PAGE_SIZE)
        cases, case_total = search.cases(filters)
    page_html = render_template(
        "auditors/search.html", rows=rows, total=total, cases=cases, case_total=case_total, page=page,
        pages=max(1, -(-total // search.PAGE_SIZE)), errors=errors, args=args,
        query=search.page_query_args(args), head=chain_head.current(), **_choices())
    access.viewed(web_user(), "search", via="web", filters=filters.described(), page=page)
    return page_html, status


@bp.post("/export.<fmt>")
def search_export(fmt):
    """Ask for the search as a file; bad filters show the search page with its errors."""
    protect_form()
    if fmt not in FORMATS:
        abort(404)
    filters, errors = search.from_page(request.form)
    if errors:
        return _search_page(request.form, status=400)
    row = export_requests.create(web_user(), what="search", fmt=fmt, filters=filters,
                                 title="Nhật ký kiểm toán — kết quả tìm kiếm", filename="nhat-ky-kiem-toan")
    return redirect(url_for("auditors.export_status", export_id=row.id))


# -- one case -------------------------------------------------------------------------------
def _case(instance_id: str) -> ProcessInstance:
    instance = db.session.get(ProcessInstance, instance_id)
    if instance is None:
        abort(404)
    return instance


@bp.get("/cases/<instance_id>")
def case_history(instance_id):
    instance = _case(instance_id)
    events = case_path.case_events(instance.id)
    parties = db.session.execute(select(InstanceParty.agency_code, Agency.name)
                                 .join(Agency, Agency.code == InstanceParty.agency_code, isouter=True)
                                 .where(InstanceParty.instance_id == instance.id)
                                 .order_by(InstanceParty.agency_code)).all()
    model = db.session.get(ProcessModel, instance.process_model_id)
    rows = [(event, instance.case_number, instance.process_model_id) for event in events]
    page_html = render_template("auditors/history.html", instance=instance, rows=rows, parties=parties,
                                model=model, head=chain_head.current())
    access.viewed(web_user(), "case_history", via="web", case=instance.id, case_number=instance.case_number)
    return page_html


@bp.get("/cases/<instance_id>/path.json")
def case_path_json(instance_id):
    instance = _case(instance_id)
    view = case_path.case_view(instance)
    for diagram in view["diagrams"]:
        diagram["url"] = url_for("auditors.case_diagram", instance_id=instance.id,
                                 process_id=diagram["process_id"])
    access.viewed(web_user(), "case_diagram", via="web", case=instance.id, case_number=instance.case_number)
    response = jsonify(view)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/cases/<instance_id>/diagram/<process_id>.bpmn")
def case_diagram(instance_id, process_id):
    xml = case_path.bpmn_xml(_case(instance_id), process_id)
    if xml is None:
        abort(404)
    return Response(xml, mimetype="application/xml")


@bp.post("/cases/<instance_id>/export.<fmt>")
def case_export(instance_id, fmt):
    protect_form()
    instance = _case(instance_id)
    if fmt not in FORMATS:
        abort(404)
    row = export_requests.create(web_user(), what="case_history", fmt=fmt,
                                 filters=search.Filters(instance_id=instance.id),
                                 title=f"Lịch sử hồ sơ {instance.case_number}",
                                 filename=f"lich-su-{instance.case_number}", shown={"case": instance.case_number},
                                 case_number=instance.case_number)
    return redirect(url_for("auditors.export_status", export_id=row.id))


# -- the exports asked for -------------------------------------------------------------------
@bp.get("/exports")
def exports():
    """The auditor's own exports, newest first (the last RECENT)."""
    rows = export_requests.recent(web_user())
    return render_template("auditors/exports.html", rows=rows, limit=export_requests.RECENT)


@bp.get("/exports/<export_id>")
def export_status(export_id):
    """One export: being made (the page reloads itself), ready, or failed."""
    row = _own_export(export_id)
    return render_template("auditors/export.html", row=row, size=export_requests.size_of(row),
                           conditions=export.filter_lines(row.shown or {}), max_attempts=export_render.MAX_ATTEMPTS)


@bp.get("/exports/<export_id>/download")
def export_download(export_id):
    row = _own_export(export_id)
    if row.status != "done":
        return redirect(url_for("auditors.export_status", export_id=row.id))
    try:
        row, content = export_requests.download(web_user(), row.id)
    except export_requests.NotFound:
        abort(404)
    except export_requests.Unavailable:
        abort(503, "Tệp xuất không còn nguyên vẹn trong kho lưu trữ; hãy báo quản trị viên.")
    response = Response(content, mimetype=FORMATS[row.format])
    response.headers["Content-Disposition"] = f'attachment; filename="{row.filename}"'
    response.headers["X-Audit-Head"] = f"{row.head_seq} {row.head_hash}"
    response.headers["X-Content-SHA256"] = row.sha256
    response.headers["Cache-Control"] = "no-store"
    return response


def _own_export(export_id: str):
    try:
        return export_requests.own(web_user(), export_id)
    except export_requests.NotFound:
        abort(404)


# -- the chain --------------------------------------------------------------------------------
@bp.get("/integrity")
def integrity():
    """The chain head to write down, and a check of the whole chain (optionally against a
    head written down earlier)."""
    head = chain_head.current()
    result, anchor_text, anchor_error = None, (request.args.get("anchor") or "").strip(), None
    if request.args.get("check"):
        anchor = None
        if anchor_text:
            try:
                anchor = chain_head.parse(anchor_text)
            except ValueError:
                anchor_error = "Đầu chuỗi phải có dạng \"seq hash\", ví dụ: 120 9f86d0…"
        if not anchor_error:
            result = audit.verify(anchor=anchor)
    page_html = render_template("auditors/integrity.html", head=head, result=result, anchor=anchor_text,
                                anchor_error=anchor_error)
    access.viewed(web_user(), "verify" if result else "integrity", via="web", anchor=anchor_text or None,
                  result=result)
    return page_html


@bp.get("/head.png")
def head_png():
    response = Response(chain_head.qr_png(chain_head.current()), mimetype="image/png")
    response.headers["Cache-Control"] = "no-store"
    return response


# -- helpers ----------------------------------------------------------------------------------
def _choices() -> dict:
    processes = db.session.execute(select(ProcessModel.id, ProcessModel.name).order_by(ProcessModel.name)).all()
    return {
        "processes": processes, "process_names": dict(processes),
        "agencies": db.session.execute(select(Agency.code, Agency.name).order_by(Agency.name)).all(),
        "types": [(t, EVENT_TITLES.get(t, t)) for t in search.known_types()],
    }
