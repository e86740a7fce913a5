"""The figures of a period as files: XLSX for working on them, PDF for the record.

Same query, same permission and the same figures as `GET /reports/statistics` (reports.py);
only the form of the answer differs.
"""
from __future__ import annotations

from io import BytesIO

from flask import send_file
from flask_smorest import Blueprint

from ..documents.statistics_export import to_pdf, to_xlsx
from .common import authenticate
from .reports import QUERY, requested_figures

blp = Blueprint("report_exports", __name__, description="Báo cáo, thống kê (tệp XLSX, PDF)")
blp.before_request(authenticate)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(content: bytes, mimetype: str, figures: dict, extension: str):
    period = figures["period"]
    name = f"so-lieu-183_{period['from']}_{period['to']}{'_' + period['agency'] if period.get('agency') else ''}"
    response = send_file(BytesIO(content), mimetype=mimetype, as_attachment=True,
                         download_name=f"{name}.{extension}", max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@blp.get("/reports/statistics.xlsx")
@blp.doc(parameters=QUERY)
@blp.response(200, {"type": "string", "format": "binary"}, content_type=XLSX)
def statistics_xlsx():
    figures = requested_figures()
    return _file(to_xlsx(figures), XLSX, figures, "xlsx")


@blp.get("/reports/statistics.pdf")
@blp.doc(parameters=QUERY)
@blp.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf")
def statistics_pdf():
    figures = requested_figures()
    return _file(to_pdf(figures), "application/pdf", figures, "pdf")
