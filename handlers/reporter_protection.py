"""Handlers of protecting and rewarding reporters (docs/processes/reporter_protection.md).

Documents and notices never name the reporter: they use the alias "Người tố giác (hồ sơ
<case number>)" set when the case opens (Law on Denunciations 2018, Art. 47(2): the
reporter's personal information is kept secret unless they reveal it themselves).
"""
from __future__ import annotations

APPLIED = "ap_dung"
JOB = "vi_tri_cong_tac"


def alias(ctx) -> str:
    return f"Người tố giác (hồ sơ {ctx.case_number})"


def open_reporter_protection(ctx) -> None:
    v = ctx.values
    if not v.get("requester_agency"):
        v["requester_agency"] = ctx.agency
    v["requested_by"] = ctx.username
    v["reporter_alias"] = alias(ctx)
    if ctx.user_has_role("intake_officer") and ctx.agency == v.get("competent_agency"):
        v["file_holder"] = ctx.username
    ctx.add_file_entry("de_nghi_bao_ve", "Đề nghị bảo vệ người phát hiện, tố cáo, tố giác, báo tin",
                       {"reporter": v["reporter_alias"], "report_kind": v.get("report_kind"),
                        "scope": v.get("protection_scope"), "related_case": v.get("related_case"),
                        "channel": v.get("channel")})
    if v.get("minutes"):
        ctx.add_file_entry("bien_ban", "Biên bản ghi nhận đề nghị", {"minutes": v["minutes"]})


def register_reporter(ctx) -> None:
    """Whoever registers the request holds the file: one more person who may see the identity."""
    v = ctx.values
    v["file_holder"] = ctx.username
    ctx.add_file_entry("tiep_nhan", "Biên bản tiếp nhận, bảo mật thông tin người tố giác",
                       {"secrecy_measures": v.get("secrecy_measures"), "note": v.get("intake_note")})


def record_reporter_verification(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("xac_minh", "Kết quả xác minh căn cứ bảo vệ",
                       {"grounds": v.get("protection_grounds"), "risk_level": v.get("risk_level"),
                        "findings": v.get("verification_findings")})


def record_reporter_decision(ctx) -> None:
    v, case = ctx.values, ctx.case
    who = case.get("reporter_alias") or alias(ctx)
    if v.get("protection_outcome") != APPLIED:
        ctx.add_file_entry("thong_bao_khong_ap_dung", "Thông báo không áp dụng biện pháp bảo vệ",
                           {"reasons": v.get("protection_refusal_reasons")})
        ctx.notify(f"Đề nghị bảo vệ {ctx.case_number} không được chấp nhận. "
                   f"Lý do: {v.get('protection_refusal_reasons')}", username=case.get("requested_by"))
        return
    ctx.add_file_entry("quyet_dinh_bao_ve", "Quyết định áp dụng biện pháp bảo vệ người tố giác",
                       {"scope": v.get("applied_scope"), "measures": v.get("protection_measures"),
                        "executing_agency": v.get("executing_agency"), "until": v.get("protection_until"),
                        "number": v.get("protection_decision_number")})
    ctx.notify(f"Yêu cầu thực hiện biện pháp bảo vệ {who}.", agency=v.get("executing_agency"),
               role="protection_officer")
    if JOB in (v.get("applied_scope") or []) and case.get("employer_agency"):
        ctx.add_file_entry("yeu_cau_bao_ve_viec_lam", "Văn bản yêu cầu bảo vệ vị trí công tác, việc làm",
                           {"to": case["employer_agency"], "instruction": v.get("employer_instruction")})
        ctx.notify(f"Yêu cầu bảo vệ vị trí công tác, việc làm của {who}: {v.get('employer_instruction')}",
                   agency=case["employer_agency"], role="leader")
    ctx.notify(f"Đề nghị bảo vệ {ctx.case_number} được chấp nhận.", username=case.get("requested_by"))


def record_reporter_protection_report(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("bao_cao_bao_ve", "Báo cáo kết quả thực hiện biện pháp bảo vệ",
                       {"report": v.get("protection_report"), "situation": v.get("protection_situation")})


def record_reward_proposal(ctx) -> None:
    v = ctx.values
    if v.get("reward_proposed"):
        ctx.add_file_entry("de_xuat_khen_thuong", "Tờ trình đề xuất khen thưởng",
                           {"value": v.get("information_value"), "form": v.get("reward_form"),
                            "grounds": v.get("reward_grounds")})
    else:
        ctx.add_file_entry("khong_de_xuat_khen_thuong", "Ý kiến không đề xuất khen thưởng",
                           {"value": v.get("information_value"), "reasons": v.get("no_reward_reasons")})


def record_reward_decision(ctx) -> None:
    v, case = ctx.values, ctx.case
    if v.get("reward_approved"):
        ctx.add_file_entry("quyet_dinh_khen_thuong", "Quyết định khen thưởng",
                           {"form": case.get("reward_form"), "amount": v.get("reward_amount"),
                            "number": v.get("reward_decision_number")})
        ctx.notify(f"{case.get('reporter_alias') or alias(ctx)} được khen thưởng.",
                   username=case.get("requested_by"))
    else:
        ctx.add_file_entry("khong_khen_thuong", "Văn bản không khen thưởng",
                           {"reasons": v.get("reward_refusal_reasons")})


HANDLERS = {
    "open_reporter_protection": open_reporter_protection,
    "register_reporter": register_reporter,
    "record_reporter_verification": record_reporter_verification,
    "record_reporter_decision": record_reporter_decision,
    "record_reporter_protection_report": record_reporter_protection_report,
    "record_reward_proposal": record_reward_proposal,
    "record_reward_decision": record_reward_decision,
}
