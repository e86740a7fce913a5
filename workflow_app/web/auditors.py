"""Auditors' pages: search the log across every case, read one case's history on its
diagram, check the chain, export what was found.

Read-only: nothing here changes a case. What does get written is the auditors' own trail —
every page, the diagram data and every export is an `audit_viewed` or `export_made` event
(workflow_app.audit.access) — so the log also says who looked at what.
"""
from __future__ import annotations

import dataclasses
import json

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import audit
from ..audit import access, export, head as chain_head, path as case_path, search
from ..audit.titles import EVENT_TITLES, title
from ..auth import policy
from ..extensions import db
from ..models import Agency, InstanceParty, ProcessInstance, ProcessModel
from .nav import add as add_nav_link
from .session import login_manager, web_user

bp = Blueprint("auditors", __name__, url_prefix="/audit")
FORMATS = {"csv": "text/csv; charset=utf-8", "pdf": "application/pdf"}

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


# -- search ---------------------------------------------------------------------------------
@bp.get("/", endpoint="search")
def search_page():
    filters, errors = search.from_page(request.args)
    page = max(1, request.args.get("page", 1, type=int) or 1)
    rows, total, cases, case_total = [], 0, [], 0
    if not errors:
        total = search.count(filters)
        rows = search.events(filters, limit=search.PAGE_SIZE, offset=(page - 1) * search.PAGE_SIZE)
        cases, case_total = search.cases(filters)
    page_html = render_template(
        "auditors/search.html", rows=rows, total=total, cases=cases, case_total=case_total, page=page,
        pages=max(1, -(-total // search.PAGE_SIZE)), errors=errors, args=request.args,
        query=search.page_query_args(request.args), head=chain_head.current(), **_choices())
    access.viewed(web_user(), "search", via="web", filters=filters.described(), page=page)
    return page_html


@bp.get("/export.<fmt>")
def search_export(fmt):
    filters, errors = search.from_page(request.args)
    if fmt not in FORMATS or errors:
        abort(400 if errors else 404)
    return _export("search", fmt, filters, "Nhật ký kiểm toán — kết quả tìm kiếm", filename="nhat-ky-kiem-toan")


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


@bp.get("/cases/<instance_id>/export.<fmt>")
def case_export(instance_id, fmt):
    instance = _case(instance_id)
    if fmt not in FORMATS:
        abort(404)
    filters = search.Filters(instance_id=instance.id)
    return _export("case_history", fmt, filters, f"Lịch sử hồ sơ {instance.case_number}",
                   filename=f"lich-su-{instance.case_number}", shown={"case": instance.case_number},
                   case_number=instance.case_number)


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


def _export(what: str, fmt: str, filters: search.Filters, heading: str, *, filename: str,
            shown: dict | None = None, **details):
    """Build the file, record the export (with the file's SHA-256), send it. `shown` is how
    the file names its filters when the raw ones (a case id) would not mean much to a reader."""
    user = web_user()
    cap = export.MAX_CSV_ROWS if fmt == "csv" else export.MAX_PDF_ROWS
    head = chain_head.current()
    upto = dataclasses.replace(filters, up_to_seq=head.seq)   # what the stamp vouches for, no more
    rows = search.events(upto, limit=cap)
    total = search.count(upto)
    report = export.Report(title=heading, exported_by=f"{user.username} ({user.agency_code})", head=head,
                           rows=rows, total=total, filters=shown or filters.described())
    content = export.to_csv(report) if fmt == "csv" else export.to_pdf(report)
    digest = export.sha256(content)
    access.exported(user, what, fmt=fmt, via="web", events=len(rows), head=head, sha256=digest,
                    filters=filters.described(), **details)
    response = Response(content, mimetype=FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{_ascii(filename)}.{fmt}"'
    response.headers["X-Audit-Head"] = head.text
    response.headers["X-Content-SHA256"] = digest
    response.headers["Cache-Control"] = "no-store"
    return response


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in name)
