"""The audit log, for auditors: events, chain verification, the chain head.

Every read here is itself recorded (`audit_viewed`, via "api"), as on the auditors' pages.
"""
from __future__ import annotations

from datetime import datetime

from flask import Response, request
from flask_smorest import Blueprint

from .. import audit as audit_chain
from ..audit import access, head as chain_head, search
from ..auth import policy
from ..services.errors import Forbidden, Invalid
from .common import authenticate, current_user, page_args, paged
from .schemas import HistoryEventOut

blp = Blueprint("audit", __name__, description="Nhật ký kiểm toán")
blp.before_request(authenticate)


def _require_auditor():
    if not policy.can_read_audit(current_user()):
        raise Forbidden("Chỉ kiểm toán viên được xem nhật ký.")


def _time_arg(name):
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise Invalid("Tham số không hợp lệ.", {"query": {name: ["Thời gian phải theo ISO 8601."]}}) from None
    if value.tzinfo is None:
        raise Invalid("Tham số không hợp lệ.", {"query": {name: ["Thời gian phải có múi giờ."]}})
    return value


@blp.get("/audit/events")
@blp.doc(parameters=[{"in": "query", "name": name, "schema": {"type": "string"}} for name in (
    "process_instance", "case_number", "process_model", "agency", "actor", "type", "since", "until")])
@blp.response(200, HistoryEventOut(many=True))
def events():
    """Events in seq order. `case_number` matches any part of a case number; `agency` is an
    agency taking part in the case; `since`/`until` are ISO 8601 times with a zone."""
    _require_auditor()
    page, per_page = page_args()
    filters = search.Filters(
        instance_id=request.args.get("process_instance", ""), case_number=request.args.get("case_number", ""),
        process_model=request.args.get("process_model", ""), agency=request.args.get("agency", ""),
        actor=request.args.get("actor", ""), actor_exact=True, type=request.args.get("type", ""),
        since=_time_arg("since"), until=_time_arg("until"))
    total = search.count(filters)
    rows = [row[0] for row in search.events(filters, limit=per_page, offset=(page - 1) * per_page)]
    body = HistoryEventOut(many=True).dump(rows)
    access.viewed(current_user(), "events", via="api", filters=filters.described(), page=page)
    return paged(body, total)


@blp.get("/audit/verify")
@blp.doc(parameters=[{"in": "query", "name": "anchor", "schema": {"type": "string"},
                      "description": "Đầu chuỗi đã lưu trước đây, dạng \"seq hash\""}])
def verify():
    """`{"ok": true, "events": N}` or `{"ok": false, "first_bad_seq": k}`; with `anchor`, the
    chain must also pass through that earlier head."""
    _require_auditor()
    anchor = None
    if request.args.get("anchor"):
        try:
            anchor = chain_head.parse(request.args["anchor"])
        except ValueError:
            raise Invalid("Tham số không hợp lệ.",
                          {"query": {"anchor": ["Đầu chuỗi phải có dạng \"seq hash\"."]}}) from None
    result = audit_chain.verify(anchor=anchor)
    access.viewed(current_user(), "verify", via="api", anchor=request.args.get("anchor"), result=result)
    return result


@blp.get("/audit/head")
def head():
    """The chain head `{"seq", "hash", "at"}`, to keep outside the system."""
    _require_auditor()
    current = chain_head.current()
    access.viewed(current_user(), "head", via="api")
    return current.as_dict()


@blp.get("/audit/head.png")
@blp.doc(responses={"200": {"description": "Mã QR của đầu chuỗi (\"seq hash\")",
                            "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}})
def head_png():
    _require_auditor()
    current = chain_head.current()
    access.viewed(current_user(), "head", via="api", format="png")
    response = Response(chain_head.qr_png(current), mimetype="image/png")
    response.headers["X-Audit-Head"] = current.text
    return response
