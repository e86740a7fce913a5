"""The periodic figures exported as XLSX and PDF: the same numbers as `statistics.compute`,
labelled in Vietnamese, each traceable to its key."""
from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook
from pypdf import PdfReader

from workflow_app import clock
from workflow_app.documents.statistics_export import to_pdf, to_xlsx
from workflow_app.services import statistics

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data

GUARD = "Bố trí lực lượng, phương tiện, vũ khí, công cụ hỗ trợ để canh gác, bảo vệ"


def figures_by_key(content: bytes) -> dict[str, tuple[str, object]]:
    """{key: (label, value)} of the rows of the exported sheet."""
    sheet = load_workbook(BytesIO(content)).active
    return {key: (label, value) for label, value, key in sheet.iter_rows(min_row=1, max_col=3, values_only=True)
            if key and key != "Mã số liệu"}


def decide(api, data: dict) -> None:
    case = api.start("requester.tand_tinh", request_data())
    api.do("intake_officer.ca_tinh", case["id"], "intake", INTAKE_OK)
    api.do("verifier.ca_tinh", case["id"], "verify", VERIFY_OK)
    api.do("leader.ca_tinh", case["id"], "decide", data)


def test_the_figures_of_a_period_export_to_xlsx_and_pdf(api, app, tmp_path):
    app.config["STORAGE_DIR"] = str(tmp_path)
    today = clock.local_now().date()
    decide(api, decision_apply(today.isoformat()))
    decide(api, {"decision_outcome": "tu_choi", "decision_reasons": "Không đủ căn cứ."})
    api.start("requester.tand_tinh", request_data(threat_types=["vu_khong"]))
    figures = statistics.compute(today, today)

    rows = figures_by_key(to_xlsx(figures))
    assert rows["requests.received"] == ("Số đề nghị tiếp nhận", figures["requests"]["received"]) == (
        "Số đề nghị tiếp nhận", 3)
    assert rows["requests.applied"][1] == 1 and rows["requests.refused"][1] == 1
    assert rows["measures_applied.canh_gac_bao_ve"] == (GUARD, 1)
    assert rows["threats.de_doa"] == ("Đe dọa", 2) and rows["threats.vu_khong"] == ("Vu khống", 1)
    for section, values in figures.items():              # every figure is in the sheet, unchanged
        if section != "period" and isinstance(values, dict):
            flat = {f"{section}.{k}": v for k, v in values.items() if not isinstance(v, dict)}
            assert all(rows[key][1] == value for key, value in flat.items()), section

    text = " ".join("\n".join(p.extract_text() for p in PdfReader(BytesIO(to_pdf(figures))).pages).split())
    for words in ("SỐ LIỆU THỰC HIỆN QUY ĐỊNH SỐ 183-QĐ/TW", f"từ ngày {today:%d/%m/%Y} đến ngày {today:%d/%m/%Y}",
                  "Số đề nghị tiếp nhận 3", GUARD, "Vu khống 1", "Toàn tỉnh"):
        assert words in text, words


def test_values_are_written_as_a_vietnamese_reader_expects_and_new_figures_are_not_lost(app):
    figures = {"period": {"from": "2026-01-01", "to": "2026-06-30", "agency": "CA_TINH"},
               "requests": {"received": 1234},
               "time_to_decision_hours": {"cases": 0, "median": None, "p90": 30.5},
               "deadlines": {"on_time_rate": 0.875},
               "figure_added_later": {"count": 4}}
    rows = figures_by_key(to_xlsx(figures))
    assert rows["figure_added_later.count"] == ("count", 4) and rows["deadlines.on_time_rate"][1] == 0.875
    text = " ".join(PdfReader(BytesIO(to_pdf(figures))).pages[0].extract_text().split())
    for words in ("Phạm vi: Công an tỉnh", "1.234", "30,50", "87,5%", "Trung vị —", "count 4"):
        assert words in text, words


def test_the_exports_are_served_to_those_who_may_read_figures(api):
    today = clock.local_now().date().isoformat()
    query = f"?from={today}&to={today}"
    xlsx = api.get("monitor.bnc_tu", f"/reports/statistics.xlsx{query}")
    assert xlsx.status_code == 200 and xlsx.mimetype.endswith("spreadsheetml.sheet")
    assert xlsx.headers["Content-Disposition"] == f"attachment; filename=so-lieu-183_{today}_{today}.xlsx"
    assert figures_by_key(xlsx.data)["requests.received"][1] == 0
    pdf = api.get("leader.ca_tinh", f"/reports/statistics.pdf{query}")      # a head: their own agency
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert "Phạm vi: Công an tỉnh" in " ".join(PdfReader(BytesIO(pdf.data)).pages[0].extract_text().split())
    assert api.get("leader.ca_tinh", f"/reports/statistics.pdf{query}&agency=VKS_TINH").status_code == 403
    assert api.get("requester.tand_tinh", f"/reports/statistics.xlsx{query}").status_code == 403
    assert api.get(None, f"/reports/statistics.xlsx{query}").status_code == 401
    assert api.get("monitor.bnc_tu", "/reports/statistics.xlsx?from=2026-13-01").status_code == 422
