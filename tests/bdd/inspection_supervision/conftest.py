"""Steps of features/inspection_supervision.feature (process 6, docs/processes/inspection_supervision.md).

Every step drives the application through its HTTP API as the demo users; steps of the parent
conftest (clock, timers, visibility, refusals, notices, case status) are reused as they are.
"""
from __future__ import annotations

import re

from pytest_bdd import given, then, when

from workflow_app import clock

from .. import helpers as h
from .oversight import *  # noqa: F401,F403  (the steps these features share, see oversight.py)
from .oversight import P, case_data, start

PROCESS = "inspection_supervision"
KINDS = {"kiểm tra": "kiem_tra", "giám sát": "giam_sat"}
ASSESSMENTS = {"thực hiện tốt": "tot", "đạt yêu cầu": "dat", "còn hạn chế": "han_che", "có vi phạm": "vi_pham"}
STATUSES = {"đã khắc phục": "da_khac_phuc", "đang khắc phục": "dang_khac_phuc"}


def plan(kind: str, subject: str, unit: str) -> dict:
    today = clock.local_now().date()
    return {"inspection_kind": KINDS[kind], "inspected_agency": unit, "subject": subject,
            "plan_basis": "Kế hoạch thực hiện Quy định 183-QĐ/TW", "planned_from": today.isoformat(),
            "planned_to": h.local_date(5), "team": "Đoàn công tác"}


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


# -- plan, conduct, conclusion ---------------------------------------------------------------
@given(P('{can_bo:CanBo} đã lập kế hoạch {hinh_thuc} "{noi_dung}" tại {don_vi:CoQuan}'))
def planned(api, ctx, can_bo, hinh_thuc, noi_dung, don_vi):
    start(api, ctx, can_bo, PROCESS, plan(hinh_thuc, noi_dung, don_vi))


@when(P('{can_bo:CanBo} lập kế hoạch {hinh_thuc} "{noi_dung}" tại {don_vi:CoQuan}'))
def make_plan(api, ctx, can_bo, hinh_thuc, noi_dung, don_vi):
    start(api, ctx, can_bo, PROCESS, plan(hinh_thuc, noi_dung, don_vi), ok=False)


@given(P("{can_bo:CanBo} đã tiến hành giám sát tại {don_vi:CoQuan}"))
def conducted(api, ctx, can_bo, don_vi):
    start(api, ctx, can_bo, PROCESS, plan("giám sát", "Giám sát việc bảo vệ", don_vi))
    conduct(api, ctx, can_bo, "Làm việc tại đơn vị")


@given(P("{can_bo:CanBo} đã kết luận tại {don_vi:CoQuan} với kiến nghị {kien_nghi:CacMuc}"))
def concluded(api, ctx, can_bo, don_vi, kien_nghi):
    start(api, ctx, can_bo, PROCESS, plan("kiểm tra", "Kiểm tra việc thực hiện Quy định 183", don_vi))
    conduct(api, ctx, can_bo, "Làm việc tại đơn vị")
    conclude(api, ctx, can_bo, "còn hạn chế", kien_nghi)


@when(P('{can_bo:CanBo} tiến hành tại đơn vị, lập biên bản "{bien_ban}"'))
def conduct(api, ctx, can_bo, bien_ban):
    h.act(api, ctx, can_bo, "conduct", {"conducted": True, "conducted_on": h.local_date(0), "work_minutes": bien_ban})


@when(P('{can_bo:CanBo} không tiến hành được vì "{ly_do}"'))
def obstructed(api, ctx, can_bo, ly_do):
    h.act(api, ctx, can_bo, "conduct", {"conducted": False, "obstruction_report": ly_do})


@when(P("{can_bo:CanBo} báo cáo không tiến hành được mà không nêu lý do"))
def obstructed_without_reasons(api, ctx, can_bo):
    h.act(api, ctx, can_bo, "conduct", {"conducted": False}, ok=False)


@when(P("{can_bo:CanBo} kết luận đơn vị {danh_gia}, kiến nghị {kien_nghi:CacMuc}"))
def conclude(api, ctx, can_bo, danh_gia, kien_nghi):
    h.act(api, ctx, can_bo, "conclude", {
        "findings": "Đơn vị đã triển khai Quy định 183-QĐ/TW, còn một số thiếu sót.",
        "assessment": ASSESSMENTS[danh_gia], "conclusion_number": "01-KL/UBKT",
        "recommendations": [{"content": k, "due_date": h.local_date(30)} for k in kien_nghi]})


@when(P("{can_bo:CanBo} kết luận đơn vị {danh_gia}, không có kiến nghị"))
def conclude_without_recommendations(api, ctx, can_bo, danh_gia):
    h.act(api, ctx, can_bo, "conclude", {"findings": "Đơn vị thực hiện nghiêm Quy định 183-QĐ/TW.",
                                         "assessment": ASSESSMENTS[danh_gia]}, ok=False)


# -- follow-up of the recommendations -----------------------------------------------------------
@when(P('{can_bo:CanBo} báo cáo {ket_qua} kiến nghị số {so:d} "{noi_dung}"'))
def remediate(api, ctx, can_bo, ket_qua, so, noi_dung):
    h.act(api, ctx, can_bo, "remediate", {"recommendation_no": so, "remediation_status": STATUSES[ket_qua],
                                          "remediation_report": noi_dung}, ok=False)


@when(P("{can_bo:CanBo} đánh giá kiến nghị số {so} đã hoàn thành"))
def assess(api, ctx, can_bo, so):
    h.act(api, ctx, can_bo, "assess", {"closed_recommendations": numbers(so),
                                       "assessment_note": "Đơn vị đã khắc phục theo kiến nghị."})


@when(P('{can_bo:CanBo} gửi văn bản đôn đốc "{noi_dung}"'))
def remind(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "remind_remediation", {"instruction": noi_dung})


# -- outcomes ------------------------------------------------------------------------------------
@then("mọi kiến nghị của hồ sơ đã hoàn thành")
def all_closed(api, ctx):
    data = case_data(api, ctx)
    assert data["open_recommendations"] == [] and data["all_closed"] is True
    assert {r["status"] for r in data["recommendations"]} == {"da_hoan_thanh"}


@then(P("hồ sơ là một cuộc giám sát của {co_quan:CoQuan} tại {don_vi:CoQuan}"))
def supervision_of(api, ctx, co_quan, don_vi):
    data = case_data(api, ctx)
    assert (data["inspection_kind"], data["inspecting_agency"], data["inspected_agency"]) == (
        "giam_sat", co_quan, don_vi)
