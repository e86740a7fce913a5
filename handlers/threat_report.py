"""Handlers of situation monitoring and early warning (docs/processes/threat_report.md).

The warning goes to the threatened official's agency at once, as a notice and a file entry;
the referral to a protection request is not done here but by the diagram's message event
(docs/adr/0008-messages.md), so the two cases are linked by the engine.
"""
from __future__ import annotations


def open_threat_report(ctx) -> None:
    v = ctx.values
    v["requester_agency"] = ctx.agency
    v["requested_by"] = ctx.username
    if ctx.user_has_role("intake_officer") and ctx.agency == v.get("competent_agency"):
        v["file_holder"] = ctx.username
    ctx.add_file_entry("tin_bao", "Tin báo về nguy cơ xâm phạm",
                       {"source": v.get("report_source"), "channel": v.get("channel"),
                        "target_agency": v.get("target_agency"), "threat_types": v.get("threat_types"),
                        "threat_description": v.get("threat_description")})
    if v.get("minutes"):
        ctx.add_file_entry("bien_ban", "Biên bản ghi nhận tin báo", {"minutes": v["minutes"]})


def record_threat_assessment(ctx) -> None:
    """The assessing officer holds the file when nobody of the agency registered it."""
    v, case = ctx.values, ctx.case
    if not case.get("file_holder"):
        v["file_holder"] = ctx.username
    ctx.add_file_entry("danh_gia", "Báo cáo đánh giá, dự báo tình hình",
                       {"confirmed": v.get("threat_confirmed"), "risk_level": v.get("risk_level"),
                        "findings": v.get("assessment_findings"), "forecast": v.get("forecast")})
    if not v.get("threat_confirmed"):
        ctx.notify(f"Tin báo {ctx.case_number}: chưa phát hiện nguy cơ xâm phạm; tiếp tục theo dõi.",
                   username=case.get("requested_by"))


def record_threat_warning(ctx) -> None:
    v, case = ctx.values, ctx.case
    ctx.add_file_entry("canh_bao", "Văn bản cảnh báo, chỉ đạo phòng ngừa",
                       {"content": v.get("warning_content"), "measures": v.get("preventive_measures"),
                        "instructions": v.get("preventive_instructions"), "risk_level": case.get("risk_level")})
    message = f"Cảnh báo nguy cơ xâm phạm theo hồ sơ {ctx.case_number}: {v.get('warning_content')}"
    for role in ("leader", "coordinator"):
        ctx.notify(message, agency=case.get("target_agency"), role=role)
    ctx.notify(message, username=case.get("requested_by"))
    if v.get("refer_protection"):
        ctx.add_file_entry("chuyen_de_nghi_bao_ve", "Đề nghị áp dụng biện pháp bảo vệ",
                           {"to": v.get("protection_agency"), "kind": v.get("referral_kind")})
    if v.get("refer_violation"):
        ctx.add_file_entry("chuyen_xu_ly_vi_pham", "Văn bản chuyển thông tin vi phạm",
                           {"to": v.get("violation_agency"), "summary": v.get("violation_summary")})
        ctx.notify(f"Chuyển thông tin vi phạm theo hồ sơ {ctx.case_number} để xử lý theo thẩm quyền.",
                   agency=v.get("violation_agency"), role="leader")


def record_warning_acknowledgement(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("tiep_nhan_canh_bao", "Báo cáo tiếp nhận cảnh báo, biện pháp phòng ngừa",
                       {"agency": ctx.agency, "measures_taken": v.get("measures_taken"),
                        "note": v.get("acknowledgement_note")})


def record_violation_handling(ctx) -> None:
    v, case = ctx.values, ctx.case
    ctx.add_file_entry("ket_qua_xu_ly_vi_pham", "Kết quả xử lý thông tin vi phạm",
                       {"agency": ctx.agency, "action": v.get("handling_action"),
                        "result": v.get("handling_result")})
    ctx.notify(f"Kết quả xử lý thông tin vi phạm theo hồ sơ {ctx.case_number}: {v.get('handling_result')}",
               agency=case.get("competent_agency"), role="leader")


HANDLERS = {
    "open_threat_report": open_threat_report,
    "record_threat_assessment": record_threat_assessment,
    "record_threat_warning": record_threat_warning,
    "record_warning_acknowledgement": record_warning_acknowledgement,
    "record_violation_handling": record_violation_handling,
}
