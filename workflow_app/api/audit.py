"""The audit log, for auditors."""
from __future__ import annotations

from datetime import datetime

from flask import request
from flask_smorest import Blueprint
from sqlalchemy import func, select

from .. import audit as audit_chain
from ..auth import policy
from ..extensions import db
from ..models import AuditEvent
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
@blp.response(200, HistoryEventOut(many=True))
def events():
    _require_auditor()
    page, per_page = page_args()
    query = select(AuditEvent)
    if request.args.get("process_instance"):
        query = query.where(AuditEvent.instance_id == request.args["process_instance"])
    if request.args.get("actor"):
        query = query.where(AuditEvent.actor_username == request.args["actor"])
    if request.args.get("type"):
        query = query.where(AuditEvent.type == request.args["type"])
    since, until = _time_arg("since"), _time_arg("until")
    if since:
        query = query.where(AuditEvent.at >= since)
    if until:
        query = query.where(AuditEvent.at < until)
    total = db.session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = db.session.execute(query.order_by(AuditEvent.seq).limit(per_page)
                              .offset((page - 1) * per_page)).scalars().all()
    return paged(HistoryEventOut(many=True).dump(rows), total)


@blp.get("/audit/verify")
def verify():
    _require_auditor()
    return audit_chain.verify()
