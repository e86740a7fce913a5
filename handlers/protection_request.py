"""Handlers of the protection request (docs/protection-request.md)."""
from __future__ import annotations

REFUSED, APPLIED = "tu_choi", "ap_dung"


def open_request(ctx) -> None:
    """The request is filed: who asked, for which agency, and who holds the file."""
    values = ctx.values
    values.setdefault("requester_agency", ctx.agency)
    if not values.get("requester_agency"):
        values["requester_agency"] = ctx.agency
    values["requested_by"] = ctx.username
    # An intake officer of the competent agency who records an oral request holds the file.
    if ctx.user_has_role("intake_officer") and ctx.agency == values.get("competent_agency"):
        values["file_holder"] = ctx.username
    ctx.add_file_entry("de_nghi", "Văn bản đề nghị áp dụng biện pháp bảo vệ",
                       {"request_kind": values.get("request_kind"), "channel": values.get("channel"),
                        "threat_types": values.get("threat_types"),
                        "threat_description": values.get("threat_description")})
    if values.get("minutes"):
        ctx.add_file_entry("bien_ban", "Biên bản ghi nhận đề nghị bằng lời nói/điện thoại",
                           {"minutes": values["minutes"]})


def register_request(ctx) -> None:
    values, case = ctx.values, ctx.case
    values["rerouted"] = bool(values.get("competent_agency")) and \
        values["competent_agency"] != case.get("competent_agency")
    if values["rerouted"]:
        ctx.add_file_entry("chuyen_co_quan", "Chuyển đề nghị đến cơ quan có thẩm quyền",
                           {"from": case.get("competent_agency"), "to": values["competent_agency"]})
        return
    values["file_holder"] = ctx.username
    ctx.add_file_entry("tiep_nhan", "Biên bản tiếp nhận đề nghị",
                       {"complete": values.get("intake_complete"),
                        "missing_items": values.get("missing_items"), "note": values.get("intake_note")})
    if not values.get("intake_complete"):
        ctx.notify(f"Hồ sơ {ctx.case_number} cần bổ sung: {values.get('missing_items')}",
                   agency=case.get("requester_agency"), role="requester")


def record_supplement(ctx) -> None:
    ctx.add_file_entry("bo_sung", "Tài liệu bổ sung hồ sơ đề nghị", {"note": ctx.values.get("supplement_note")})


def record_verification(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("xac_minh", "Kết quả xác minh căn cứ đề nghị",
                       {"grounds_confirmed": v.get("grounds_confirmed"), "authenticity": v.get("authenticity"),
                        "danger_level": v.get("danger_level"), "findings": v.get("verification_findings")})
    if v.get("damage_record"):
        ctx.add_file_entry("thiet_hai", "Biên bản ghi nhận thiệt hại", {"record": v["damage_record"]})


def record_decision(ctx) -> None:
    """The head decides; the requester is told either way (notice + case-file entry).

    A decision after a review that asked to change the measures (`review_action` "thay_doi"
    while measures are active) is a change: same file entry kind, its own document."""
    v, case = ctx.values, ctx.case
    change = case.get("review_action") == "thay_doi" and bool(case.get("measures_active"))
    if not case.get("file_holder"):
        v["file_holder"] = ctx.username       # an emergency skips intake: the head holds the file
    # Refusing a change keeps the measures in force: the case goes back to execution
    # instead of ending (gw_outcome reads `change_refused`, so it is always set).
    v["change_refused"] = change and v.get("decision_outcome") == REFUSED
    if v.get("decision_outcome") == REFUSED:
        v["is_complex"] = False
        ctx.add_document("quyet_dinh_tu_choi", "Văn bản từ chối áp dụng biện pháp bảo vệ", "quyet_dinh_tu_choi",
                         {"reasons": v.get("decision_reasons"), "number": v.get("decision_number"),
                          "change": change})
        if change:
            ctx.notify(f"Đề nghị thay đổi biện pháp bảo vệ của hồ sơ {ctx.case_number} không được chấp nhận; "
                       f"các biện pháp đang áp dụng được giữ nguyên. Lý do: {v.get('decision_reasons')}",
                       username=case.get("requested_by"))
        else:
            ctx.notify(f"Đề nghị {ctx.case_number} không được chấp nhận. Lý do: {v.get('decision_reasons')}",
                       username=case.get("requested_by"))
        ctx.add_document("thong_bao", "Thông báo kết quả cho người đề nghị", "thong_bao",
                         {"outcome": REFUSED, "change": change})
        return
    v.setdefault("cooperating_agencies", [])
    if not v.get("is_complex"):
        v["cooperating_agencies"] = []
    else:
        v["confirmations"] = []          # each coordination round collects its own answers
    v["measures_active"] = list(v.get("measures") or [])
    decision = {"measures": v.get("measures"), "covered_persons": v.get("covered_persons"),
                "from": v.get("measures_start"), "executing_agency": v.get("executing_agency"),
                "is_complex": v.get("is_complex"), "number": v.get("decision_number"), "change": change}
    if change:
        decision["previous_measures"] = list(case.get("measures_active") or [])
        ctx.add_document("quyet_dinh_ap_dung", "Quyết định thay đổi, bổ sung biện pháp bảo vệ",
                         "quyet_dinh_thay_doi", decision)
    else:
        ctx.add_document("quyet_dinh_ap_dung", "Quyết định áp dụng biện pháp bảo vệ", "quyet_dinh_ap_dung", decision)
    ctx.notify(f"Đề nghị {ctx.case_number} được chấp nhận; biện pháp bảo vệ áp dụng từ {v.get('measures_start')}.",
               username=case.get("requested_by"))
    ctx.notify(f"Yêu cầu thực hiện biện pháp bảo vệ theo hồ sơ {ctx.case_number}.",
               agency=v.get("executing_agency"), role="protection_officer")
    ctx.add_document("thong_bao", "Thông báo kết quả cho người đề nghị", "thong_bao",
                     {"outcome": APPLIED, "change": change})


def record_execution_report(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("bao_cao_thuc_hien", "Báo cáo kết quả thực hiện biện pháp bảo vệ",
                       {"summary": v.get("report_summary"), "situation": v.get("situation"),
                        "incidents": v.get("incidents"), "recommendation": v.get("recommendation")})


def record_review(ctx) -> None:
    v = ctx.values
    titles = {"tiep_tuc": "Tiếp tục áp dụng biện pháp bảo vệ",
              "thay_doi": "Đề nghị thay đổi, bổ sung biện pháp bảo vệ",
              "cham_dut": "Đề nghị hủy bỏ, chấm dứt biện pháp bảo vệ"}
    ctx.add_file_entry("xem_xet", titles.get(v.get("review_action"), "Xem xét biện pháp bảo vệ"),
                       {"action": v.get("review_action"), "basis": v.get("review_basis"),
                        "note": v.get("review_note")})


def record_termination(ctx) -> None:
    v, case = ctx.values, ctx.case
    v["measures_active"] = []
    ctx.add_document("quyet_dinh_cham_dut", "Quyết định chấm dứt áp dụng biện pháp bảo vệ", "quyet_dinh_cham_dut",
                     {"reasons": v.get("termination_reasons"), "date": v.get("termination_date"),
                      "measures": list(case.get("measures_active") or [])})
    ctx.notify(f"Biện pháp bảo vệ theo hồ sơ {ctx.case_number} chấm dứt từ {v.get('termination_date')}.",
               username=case.get("requested_by"))


HANDLERS = {
    "open_request": open_request,
    "register_request": register_request,
    "record_supplement": record_supplement,
    "record_verification": record_verification,
    "record_decision": record_decision,
    "record_execution_report": record_execution_report,
    "record_review": record_review,
    "record_termination": record_termination,
}
