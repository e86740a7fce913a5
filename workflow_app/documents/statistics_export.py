"""The figures of a period (`services.statistics.compute`) as a spreadsheet and as a PDF.

Both exports show the same table, built once by `sections`: each figure in words (Vietnamese
labels, measure and threat titles instead of codes) next to its value and its key in the
figures dict (`requests.received`, `measures_applied.canh_gac_bao_ve`), the key being what
docs/statistics.md defines, so a reader can trace a number to its definition. A figure this
module does not know yet is still exported, under its key, so the exports never lag behind
`compute`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from flask import has_app_context

from .. import clock
from ..reference_data import AGENCIES, MEASURES
from . import layout

TITLE = "SỐ LIỆU THỰC HIỆN QUY ĐỊNH SỐ 183-QĐ/TW"
SUBTITLE = "về bảo vệ cơ quan, tổ chức, người thi hành công vụ trong hoạt động điều tra, truy tố, xét xử, thi hành án"
NONE = "—"

# Top-level sections in report order: key -> (heading, labels of their figures or the name of a
# code list whose titles label them).
SECTIONS: dict[str, tuple[str, dict | str]] = {
    "requests": ("I. Tiếp nhận, giải quyết đề nghị áp dụng biện pháp bảo vệ", {
        "received": "Số đề nghị tiếp nhận",
        "emergency": "Trong đó: đề nghị khẩn cấp",
        "decided": "Số đề nghị đã có quyết định (lần đầu)",
        "applied": "Quyết định áp dụng biện pháp bảo vệ",
        "refused": "Từ chối áp dụng biện pháp bảo vệ",
    }),
    "measures_applied": ("II. Biện pháp bảo vệ được áp dụng (số hồ sơ)", "measures"),
    "time_to_decision_hours": ("III. Thời gian từ khi tiếp nhận đến khi quyết định (giờ)", {
        "cases": "Số hồ sơ được tính",
        "median": "Trung vị",
        "p90": "Phân vị 90 (90% số hồ sơ được quyết định trong thời gian này)",
    }),
    "deadlines": ("IV. Thực hiện thời hạn xử lý nhiệm vụ", {
        "tasks_with_deadline": "Số nhiệm vụ có thời hạn đã hoàn thành",
        "on_time": "Hoàn thành đúng hạn",
        "late": "Hoàn thành quá hạn",
        "on_time_rate": "Tỷ lệ đúng hạn",
    }),
    "threats": ("V. Hành vi xâm phạm nêu trong các đề nghị (số đề nghị)", "threats"),
    "complaints": ("VI. Khiếu nại, tố cáo, kiến nghị liên quan đến vị trí công tác", {
        "received": "Số đơn tiếp nhận",
        "by_kind": "Theo loại đơn",
        "by_outcome": "Theo kết quả giải quyết",
        "khieu_nai": "Khiếu nại, đề nghị xem xét lại quyết định",
        "to_cao": "Tố cáo, tố giác",
        "kien_nghi": "Kiến nghị, phản ánh",
        "khong_thu_ly": "Không thụ lý",
        "dung": "Đúng",
        "dung_mot_phan": "Đúng một phần",
        "sai": "Sai",
        "da_tra_loi": "Đã trả lời",
        "dang_giai_quyet": "Đang giải quyết",
    }),
}
HOURS = {"time_to_decision_hours.median", "time_to_decision_hours.p90"}


@dataclass
class Row:
    label: str
    value: object                 # int, float, None; a sub-heading has no value
    key: str
    depth: int = 0                # 1 for the items under a sub-heading
    heading: bool = False

    @property
    def kind(self) -> str:
        if self.key.endswith("_rate"):
            return "rate"
        return "hours" if self.key in HOURS else "number"


@dataclass
class Section:
    title: str
    rows: list[Row]


def default_labels() -> dict[str, dict[str, str]]:
    """Titles of codes: the catalogue and agencies from the database when there is one."""
    from forms.choices import THREAT_TYPES
    labels = {"measures": {code: title for code, title, _ in MEASURES}, "agencies": dict(AGENCIES),
              "threats": dict(THREAT_TYPES.pairs)}
    if has_app_context():
        from ..services.catalogue import choices
        lists = choices()
        labels["measures"].update(dict(lists["measures"]))
        labels["agencies"].update(dict(lists["agencies"]))
    return labels


def sections(figures: dict, labels: dict | None = None) -> list[Section]:
    labels = labels or default_labels()
    known = [key for key in SECTIONS if key in figures]
    unknown = [key for key in figures if key not in SECTIONS and key != "period"]
    out = []
    for key in known + unknown:
        title, words = SECTIONS.get(key, (key, {}))
        if isinstance(words, str):
            words = labels.get(words, {})
        out.append(Section(title, _rows(figures[key], key, words)))
    return out


def _rows(value, key: str, words: dict, depth: int = 0) -> list[Row]:
    if not isinstance(value, dict):
        return [Row(key, value, key)]
    rows = []
    for name, item in value.items():
        path = f"{key}.{name}"
        label = words.get(name, name)
        if isinstance(item, dict):
            rows.append(Row(label, None, path, depth, heading=True))
            rows += _rows(item, path, words, depth + 1)
        else:
            rows.append(Row(label, item, path, depth))
    return rows


def period_lines(figures: dict, labels: dict | None = None) -> list[str]:
    period = figures.get("period") or {}
    labels = labels or default_labels()
    agency = period.get("agency")
    scope = labels["agencies"].get(agency, agency) if agency else "Toàn tỉnh (tất cả cơ quan)"
    lines = [f"Kỳ báo cáo: từ ngày {_day(period.get('from'))} đến ngày {_day(period.get('to'))}",
             f"Phạm vi: {scope}"]
    lines.append(f"Số liệu tổng hợp từ hệ thống lúc {clock.local_now():%H:%M ngày %d/%m/%Y} (giờ Việt Nam)")
    return lines


def _day(value) -> str:
    try:
        return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value or NONE)


def shown(row: Row) -> str:
    """A value as a Vietnamese reader writes it: 1.234 — 12,5 — 87,5%."""
    value = row.value
    if value is None:
        return "" if row.heading else NONE
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if row.kind == "rate":
        return f"{value * 100:.1f}%".replace(".", ",")
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{int(value):,}".replace(",", ".")


# -- XLSX ---------------------------------------------------------------------------------------
def to_xlsx(figures: dict, labels: dict | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    labels = labels or default_labels()
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    book.properties.title = TITLE
    book.properties.creator = "bao-ve-183"
    bold, grey = Font(bold=True), PatternFill("solid", fgColor="E7E6E6")
    thin = Side(style="thin", color="BFBFBF")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    sheet.append([TITLE])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([SUBTITLE])
    for line in period_lines(figures, labels):
        sheet.append([line])
    sheet.append([])
    sheet.append(["Chỉ tiêu", "Số liệu", "Mã số liệu"])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font, cell.fill, cell.border = bold, grey, box
    for section in sections(figures, labels):
        sheet.append([section.title])
        sheet.cell(sheet.max_row, 1).font = bold
        for row in section.rows:
            value = row.value if isinstance(row.value, (int, float)) and not isinstance(row.value, bool) else (
                None if row.value is None else str(row.value))
            sheet.append([row.label, value, row.key])
            label, number, key = sheet[sheet.max_row]
            label.alignment = Alignment(indent=1 + 2 * row.depth, wrap_text=True)
            label.font = bold if row.heading else Font()
            number.number_format = {"rate": "0.0%", "hours": "0.00"}.get(row.kind, "#,##0")
            key.font = Font(color="808080", size=9)
            for cell in (label, number, key):
                cell.border = box
    sheet.column_dimensions["A"].width = 72
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 44
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    out = BytesIO()
    book.save(out)
    return out.getvalue()


# -- PDF ----------------------------------------------------------------------------------------
def to_pdf(figures: dict, labels: dict | None = None) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    labels = labels or default_labels()
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.add_font(layout.FAMILY, "", str(layout.FONTS / "DejaVuSans.ttf"))
    pdf.add_font(layout.FAMILY, "B", str(layout.FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 18, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_lang("vi")
    pdf.set_title(TITLE)
    pdf.set_creator("bao-ve-183")
    pdf.add_page()
    pdf.set_font(layout.FAMILY, "B", 13)
    pdf.multi_cell(0, 7, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(layout.FAMILY, "", 10)
    pdf.multi_cell(0, 5, SUBTITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for line in period_lines(figures, labels):
        pdf.multi_cell(0, 5.5, line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    heading = FontFace(emphasis="BOLD", fill_color=(231, 230, 230))
    with pdf.table(col_widths=(140, 35), text_align=("LEFT", "RIGHT"), line_height=6,
                   headings_style=heading, borders_layout="SINGLE_TOP_LINE") as table:
        header = table.row()
        header.cell("Chỉ tiêu")
        header.cell("Số liệu")
        for section in sections(figures, labels):
            table.row().cell(section.title, colspan=2, style=FontFace(emphasis="BOLD", fill_color=(242, 242, 242)))
            for row in section.rows:
                cells = table.row()
                indent = "    " * (1 + row.depth)
                cells.cell(indent + row.label, style=FontFace(emphasis="BOLD") if row.heading else None)
                cells.cell(shown(row))
    return bytes(pdf.output())
