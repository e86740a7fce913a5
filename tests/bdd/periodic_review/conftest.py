"""Steps of features/periodic_review.feature (process 7, docs/processes/periodic_review.md).

Rounds are started through the HTTP API as the monitor, or through the scheduler's service
function (`review_rounds.start_due`); protection cases that the figures count are filed and
decided through the API as well, so the pre-filled report is checked against cases the
scenario itself created.
"""
from __future__ import annotations

from datetime import date

from parse import with_pattern
from pytest_bdd import given, parsers, then, when

from tests.support import INTAKE_OK, VERIFY_OK, decision_apply, request_data
from workflow_app.services import review_rounds

from .. import helpers as h
from ..inspection_supervision.oversight import *  # noqa: F401,F403  (shared steps, see oversight.py)
from ..inspection_supervision import oversight
from ..inspection_supervision.oversight import form_data, start, tasks_named

PROCESS = "periodic_review"
KINDS = {"triển khai": "trien_khai", "sơ kết": "so_ket", "tổng kết": "tong_ket"}
COMPILE = "Tổng hợp báo cáo gửi Ban Thường vụ Tỉnh ủy"
MONITOR = "monitor.bnc_tu"


RELATIVE_DAYS = {"hôm kia": -2, "hôm qua": -1, "hôm nay": 0, "ngày mai": 1}


@with_pattern(h._alternatives(RELATIVE_DAYS))
def relative_day(text: str) -> str:
    return h.local_date(RELATIVE_DAYS[text])


def P(text: str):
    return parsers.parse(text, extra_types={**oversight.TYPES, "NgayKy": relative_day})


def vn_date(text: str) -> date:
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


# -- protection cases the figures count ------------------------------------------------------------
@given(P("trong kỳ đã có {ap_dung:d} đề nghị bảo vệ được quyết định áp dụng biện pháp và {tu_choi:d} đề nghị bị từ chối"))
def protection_cases(api, ap_dung, tu_choi):
    for outcome in ["ap_dung"] * ap_dung + ["tu_choi"] * tu_choi:
        case = api.start("requester.tand_tinh", request_data())["id"]
        api.do("intake_officer.ca_tinh", case, "intake", INTAKE_OK)
        api.do("verifier.ca_tinh", case, "verify", VERIFY_OK)
        decision = decision_apply(h.local_date(0)) if outcome == "ap_dung" else {
            "decision_outcome": "tu_choi", "decision_reasons": "Không có căn cứ."}
        api.do("leader.ca_tinh", case, "decide", decision)


# -- the round ---------------------------------------------------------------------------------------
def open_round(api, ctx, can_bo, loai, tu, den, don_vi, **extra):
    data = {"review_kind": KINDS[loai], "period_start": tu, "period_end": den, "responsible_agencies": don_vi,
            "directive": f"Báo cáo {loai} thực hiện Quy định 183-QĐ/TW.", **extra}
    start(api, ctx, can_bo, PROCESS, data, ok=False)


@when(P("{can_bo:CanBo} giao nhiệm vụ {loai} kỳ từ {tu:NgayKy} đến {den:NgayKy} cho {don_vi:CacCoQuan}"))
def assign_round(api, ctx, can_bo, loai, tu, den, don_vi):
    open_round(api, ctx, can_bo, loai, tu, den, don_vi)


@when(P("{can_bo:CanBo} giao nhiệm vụ {loai} kỳ từ {tu:NgayKy} đến {den:NgayKy} cho {don_vi:CacCoQuan}, "
        "thời hạn báo cáo {so:d} ngày"))
def assign_round_with_deadline(api, ctx, can_bo, loai, tu, den, don_vi, so):
    open_round(api, ctx, can_bo, loai, tu, den, don_vi, report_days=so)


@when(P("hệ thống mở đợt báo cáo theo lịch vào ngày {ngay}"))
def scheduled(app, ctx, ngay):
    (instance,) = review_rounds.start_due(vn_date(ngay))
    ctx["case_id"], ctx["starter"] = instance.id, instance.started_by


# -- the units -----------------------------------------------------------------------------------------
def unit_report(api, ctx, can_bo, ok=True, **values):
    return h.act(api, ctx, can_bo, "report_results", values, ok=ok)


@when(P('{can_bo:CanBo} báo cáo kết quả "{ket_qua}"'))
def report(api, ctx, can_bo, ket_qua):
    unit_report(api, ctx, can_bo, results=ket_qua)


@when(P('{can_bo:CanBo} báo cáo kết quả "{ket_qua}" mà không có chương trình'))
def report_without_programme(api, ctx, can_bo, ket_qua):
    unit_report(api, ctx, can_bo, ok=False, results=ket_qua)


@when(P('{can_bo:CanBo} báo cáo chương trình "{chuong_trinh}" và kết quả "{ket_qua}"'))
def report_with_programme(api, ctx, can_bo, chuong_trinh, ket_qua):
    unit_report(api, ctx, can_bo, programme=chuong_trinh, results=ket_qua)


@when(P('{can_bo:CanBo} báo cáo kết quả "{ket_qua}" với {hoi_nghi:d} hội nghị quán triệt và {luot:d} lượt cán bộ'))
def report_with_figures(api, ctx, can_bo, ket_qua, hoi_nghi, luot):
    unit_report(api, ctx, can_bo, results=ket_qua, dissemination_sessions=hoi_nghi, participants=luot)


@when(P('{can_bo:CanBo} bổ sung báo cáo "{noi_dung}"'))
def supplement(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "supplement_report", {"supplement_content": noi_dung})


# -- the monitor -----------------------------------------------------------------------------------------
def compile_task(api, ctx) -> dict:
    found = tasks_named(api, MONITOR, ctx["case_id"], COMPILE)
    assert found, "no consolidated report task"
    return found[0]


@when(P("{can_bo:CanBo} gửi báo cáo tổng hợp"))
def send_report(api, ctx, can_bo):
    draft = form_data(api, can_bo, compile_task(api, ctx)["id"])["consolidated_report"]
    h.act(api, ctx, can_bo, "compile_report", {"compile_action": "gui_bao_cao", "consolidated_report": draft,
                                               "report_number": "15-BC/BNCTU"})


@when(P('{can_bo:CanBo} yêu cầu {don_vi:CacCoQuan} bổ sung "{noi_dung}"'))
def ask_supplement(api, ctx, can_bo, don_vi, noi_dung):
    h.act(api, ctx, can_bo, "compile_report", {"compile_action": "yeu_cau_bo_sung", "supplement_agencies": don_vi,
                                               "supplement_request": noi_dung}, ok=False)


@when(P('{can_bo:CanBo} nhắc đơn vị chậm báo cáo "{noi_dung}"'))
def remind_late(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "remind_units", {"instruction": noi_dung})


@when(P('{can_bo:CanBo} báo cáo Thường trực về đơn vị chậm báo cáo "{noi_dung}"'))
def escalate_late(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "escalate_units", {"instruction": noi_dung})


# -- outcomes -----------------------------------------------------------------------------------------------
@then(P('báo cáo tổng hợp được điền sẵn "{noi_dung}"'))
def prefilled(api, ctx, noi_dung):
    draft = form_data(api, MONITOR, compile_task(api, ctx)["id"])["consolidated_report"]
    assert noi_dung in draft, draft


@then("số liệu điền sẵn khớp với số liệu thống kê của kỳ")
def figures_match(api, ctx):
    data = h.case_view(api, ctx, MONITOR)["data"]
    response = api.get(MONITOR, "/reports/statistics",
                       query_string={"from": data["period_start"], "to": data["period_end"]})
    assert response.status_code == 200, response.get_json()
    assert data["report_figures"] == response.get_json()


@then(parsers.re(r"có đúng (?P<so>\d+) hồ sơ (?P<loai>triển khai|sơ kết|tổng kết) kỳ từ (?P<tu>[\d/]+) đến (?P<den>[\d/]+)"))
def rounds_of(api, so, loai, tu, den):
    wanted = (KINDS[loai], vn_date(tu).isoformat(), vn_date(den).isoformat())
    rounds = api.get(MONITOR, "/process-instances", query_string={"process_model": PROCESS, "per_page": 200}).get_json()
    matching = [r for r in rounds if (r["data"]["review_kind"], r["data"]["period_start"],
                                      r["data"]["period_end"]) == wanted]
    assert len(matching) == int(so), rounds
