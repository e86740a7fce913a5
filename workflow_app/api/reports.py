"""Reports: the figures of a period (docs/statistics.md defines each one)."""
from __future__ import annotations

import re
from datetime import date

from flask import jsonify, request
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..extensions import db
from ..models import Agency
from ..services import statistics
from ..services.errors import Forbidden, Invalid
from .common import authenticate, current_user

blp = Blueprint("reports", __name__, description="Báo cáo, thống kê")
blp.before_request(authenticate)

# Who reads figures: those who follow (monitor), check (auditor, inspector) and lead (leader).
REPORT_ROLES = ("monitor", "auditor", "inspector", "leader")
WIDE_ROLES = ("monitor", "auditor", "inspector")      # every agency; a leader sees their own
MAX_DAYS = 3660


QUERY = [
    {"in": "query", "name": "from", "required": True, "schema": {"type": "string", "format": "date"},
     "description": "Ngày đầu kỳ (YYYY-MM-DD), giờ Việt Nam"},
    {"in": "query", "name": "to", "required": True, "schema": {"type": "string", "format": "date"},
     "description": "Ngày cuối kỳ (YYYY-MM-DD), tính cả ngày này"},
    {"in": "query", "name": "agency", "required": False, "schema": {"type": "string"},
     "description": "Mã cơ quan; để trống: toàn tỉnh (thủ trưởng: cơ quan mình)"},
]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class StatisticsOut(Schema):
    period = fields.Dict()
    requests = fields.Dict()
    measures_applied = fields.Dict()
    time_to_decision_hours = fields.Dict()
    deadlines = fields.Dict()
    threats = fields.Dict()
    complaints = fields.Dict()


@blp.get("/reports/statistics")
@blp.doc(parameters=QUERY)
@blp.response(200, StatisticsOut)
def statistics_report():
    return jsonify(requested_figures())


def requested_figures() -> dict:
    """The figures the query asks for, if the caller may read them: 403, then 422.

    The one rule for every form of the answer (this JSON, the XLSX and PDF exports)."""
    user = current_user()
    if not any(user.has_role(role) for role in REPORT_ROLES):
        raise Forbidden("Bạn không có quyền xem số liệu thống kê.")
    period_start, period_end, agency = _arguments()
    if not any(user.has_role(role) for role in WIDE_ROLES):
        if agency not in (None, user.agency_code):
            raise Forbidden("Thủ trưởng chỉ xem số liệu của cơ quan mình.")
        agency = user.agency_code
    return statistics.compute(period_start, period_end, agency)


def _arguments() -> tuple[date, date, str | None]:
    errors, dates = {}, {}
    for name in ("from", "to"):
        raw = request.args.get(name) or ""
        if not raw:
            errors[name] = ["Trường này là bắt buộc."]
            continue
        try:
            if not ISO_DATE.fullmatch(raw):
                raise ValueError(raw)
            dates[name] = date.fromisoformat(raw)
        except ValueError:
            errors[name] = ["Ngày không hợp lệ (định dạng NNNN-TT-NN, ví dụ 2025-01-31)."]
    start, end = dates.get("from"), dates.get("to")
    if start and end and end < start:
        errors["to"] = ["Ngày cuối kỳ không được trước ngày đầu kỳ."]
    elif start and end and (end - start).days > MAX_DAYS:
        errors["to"] = ["Kỳ thống kê không được dài quá 10 năm."]
    agency = request.args.get("agency") or None
    if agency is not None and db.session.get(Agency, agency) is None:
        errors["agency"] = ["Cơ quan không có trong danh mục."]
    if errors:
        raise Invalid("Tham số không hợp lệ.", {"query": errors})
    return start, end, agency
