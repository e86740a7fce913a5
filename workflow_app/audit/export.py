"""Exports of audit events as CSV and PDF, stamped with the chain head.

A file says which events it holds, who made it and when, with which filters, and the chain
head (seq and hash) at the moment its rows were read: with `flask audit verify` and the
head's hash anyone can later show the log still passes through that point. Each row also
carries its own event hash, so single rows can be matched against the log. The CSV holds
every value in full; the PDF, meant for reading and printing, shortens long data (it says so).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import datetime

from .. import clock
from .head import Head, qr_png
from .titles import title

MAX_CSV_ROWS = 100_000
MAX_PDF_ROWS = 5_000
PDF_DATA_CHARS = 1_200
FILTER_LABELS = {"case": "Hồ sơ", "instance_id": "Hồ sơ (mã)", "case_number": "Số hồ sơ", "process_model": "Quy trình",
                 "agency": "Cơ quan tham gia", "actor": "Người thực hiện", "type": "Loại sự kiện",
                 "since": "Từ thời điểm", "until": "Đến trước thời điểm"}
COLUMNS = ("seq", "Thời gian", "Người thực hiện", "Cơ quan", "Loại sự kiện", "Mô tả", "Số hồ sơ", "Quy trình",
           "Phần tử", "Tên phần tử", "Nhiệm vụ", "Dữ liệu", "Hash")


@dataclass
class Report:
    title: str
    exported_by: str                 # "username (AGENCY)"
    head: Head
    rows: list                       # (AuditEvent, case number, process model) in order
    total: int                       # matching events (more than rows when the cap was reached)
    filters: dict = field(default_factory=dict)
    exported_at: datetime = field(default_factory=clock.now)

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


def local_time(value: datetime | None, seconds: bool = True) -> str:
    if value is None:
        return ""
    return clock.as_utc(value).astimezone(clock.LOCAL_TZ).strftime("%d/%m/%Y %H:%M:%S" if seconds
                                                                    else "%d/%m/%Y %H:%M")


def data_text(data) -> str:
    return json.dumps(data or {}, ensure_ascii=False, sort_keys=True, default=str)


def filter_lines(filters: dict) -> list[str]:
    lines = []
    for key, value in filters.items():
        if key in ("since", "until"):
            value = local_time(datetime.fromisoformat(value))
        lines.append(f"{FILTER_LABELS.get(key, key)}: {value}")
    return lines or ["Không có (toàn bộ nhật ký)"]


def stamp_lines(report: Report) -> list[tuple[str, str]]:
    return [("Xuất lúc", local_time(report.exported_at)), ("Người xuất", report.exported_by),
            ("Điều kiện", "; ".join(filter_lines(report.filters))),
            ("Số sự kiện", str(len(report.rows)) + (f" (trong tổng số {report.total}: hãy thu hẹp điều kiện)"
                                                    if report.truncated else "")),
            ("Đầu chuỗi nhật ký (seq)", str(report.head.seq)), ("Hash đầu chuỗi (SHA-256)", report.head.hash),
            ("Thời điểm đầu chuỗi", local_time(report.head.at))]


def _row(event, case_number, process_model) -> list:
    return [event.seq, local_time(event.at), event.actor_username or "hệ thống", event.actor_agency or "",
            event.type, title(event.type), case_number or "", process_model or "", event.element_id or "",
            event.element_name or "", event.task_id or "", data_text(event.data), event.hash]


def _cell(value):
    # A spreadsheet would run a cell starting with = + - @ as a formula: keep it text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(report.title)])
    for label, value in stamp_lines(report):
        writer.writerow([label, _cell(value)])
    writer.writerow([])
    writer.writerow(COLUMNS)
    for row in report.rows:
        writer.writerow([_cell(v) for v in _row(*row)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")        # the BOM: spreadsheets read UTF-8


def to_pdf(report: Report) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    from ..documents.layout import FAMILY, FONTS

    head = report.head

    class Page(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font(FAMILY, "", 7)
            self.cell(0, 5, f"Đầu chuỗi nhật ký: seq {head.seq} · {head.hash} · Trang {self.page_no()}/{{nb}}",
                      align="C")

    pdf = Page(orientation="L", unit="mm", format="A4")
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_lang("vi")
    pdf.set_title(report.title)
    pdf.set_subject(f"Đầu chuỗi nhật ký {head.text}")
    pdf.set_creator("bao-ve-183")
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 13)
    pdf.multi_cell(230, 7, report.title, new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y()
    pdf.image(io.BytesIO(qr_png(head, scale=4)), x=pdf.w - pdf.r_margin - 32, y=12, w=32, h=32)
    pdf.set_font(FAMILY, "", 9)
    for label, value in stamp_lines(report):
        pdf.set_font(FAMILY, "B", 9)
        pdf.cell(56, 5, label + ":")
        pdf.set_font(FAMILY, "", 9)
        pdf.multi_cell(180, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 8)
    pdf.multi_cell(0, 4.5, "Mã QR chứa đầu chuỗi \"seq hash\" để đối chiếu bằng lệnh flask audit verify. "
                           f"Dữ liệu dài hơn {PDF_DATA_CHARS} ký tự được rút gọn; bản CSV chứa đầy đủ.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), top + 34) + 2)
    heading = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    pdf.set_font(FAMILY, "", 7.5)
    with pdf.table(col_widths=(12, 27, 38, 36, 30, 40, 90), line_height=3.8, text_align="LEFT", v_align="TOP",
                   headings_style=heading, first_row_as_headings=True, repeat_headings=1) as table:
        header = table.row()
        for name in ("seq", "Thời gian", "Người thực hiện", "Sự kiện", "Hồ sơ", "Phần tử", "Dữ liệu"):
            header.cell(name)
        for event, case_number, process_model in report.rows:
            cells = table.row()
            cells.cell(str(event.seq))
            cells.cell(local_time(event.at))
            cells.cell(f"{event.actor_username or 'hệ thống'}\n{event.actor_agency or ''}".strip())
            cells.cell(f"{title(event.type)}\n({event.type})")
            cells.cell(f"{case_number or ''}\n{process_model or ''}".strip())
            cells.cell(f"{event.element_name or ''}\n{event.element_id or ''}".strip())
            text = data_text(event.data)
            cells.cell(text if len(text) <= PDF_DATA_CHARS else text[:PDF_DATA_CHARS] + " …(rút gọn)")
    return bytes(pdf.output())


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
